#pragma once

#include "alertpolicy.h"

#include <QObject>

class QSystemTrayIcon;

namespace Pop3Connector {

class ServiceController;

// Tells the person at the desktop what the service's status says, without the manager in front:
// a tray icon (when the desktop has a tray) whose colour and symbol follow the worst state, a
// tooltip with the Failed Mail count, and one desktop notification per new problem (AlertPolicy
// decides which). Every notification is also a signal, for a desktop without a tray.
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(ServiceController *service, QObject *parent = nullptr);

    Health health() const { return m_health; }
    int failedMail() const { return m_failedMail; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // The tray's tooltip: the state in words and the Failed Mail count.
    QString summary() const;
    // Drawn, not loaded: a coloured disc with a symbol, so colour is not the only sign.
    static QIcon icon(Health health);

    // Words for the language now chosen.
    void retranslate();

Q_SIGNALS:
    void notified(const Pop3Connector::Alert &alert);
    void healthChanged(Pop3Connector::Health health);
    void failedMailChanged(int count);
    // The tray icon was clicked: the manager comes to the front.
    void activated();

private:
    void update();

    ServiceController *m_service;
    QSystemTrayIcon *m_tray = nullptr;
    AlertState m_told;
    Health m_health = Health::Ok;
    int m_failedMail = -1;
};

} // namespace Pop3Connector
