#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

// The system's browser for QDesktopServices while it lives: opens what the manager asks it to
// (the provider's sign-in page) and follows the redirects, so that the provider sends it back
// to the manager's loopback address as it would send a person signing in.
class TestBrowser : public QObject
{
    Q_OBJECT
public:
    explicit TestBrowser(const QString &scheme = QStringLiteral("http"));
    ~TestBrowser() override;

    // What it was asked to open, in order.
    QList<QUrl> opened() const { return m_opened; }

public Q_SLOTS:
    void open(const QUrl &url);

private:
    QString m_scheme;
    QNetworkAccessManager m_network;
    QList<QUrl> m_opened;
};
