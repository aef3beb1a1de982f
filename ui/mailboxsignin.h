#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace Pop3Connector {

class BrowserSignIn;
class ServiceController;

// The browser sign-in of an OAuth 2.0 mailbox the service knows, for every page that offers it
// (the Mailboxes tab, the first-run assistant): opens the provider's page in the user's browser,
// hands what it gives to the service, and says each step as a sentence. One at a time.
class MailboxSignIn : public QObject
{
    Q_OBJECT
public:
    explicit MailboxSignIn(ServiceController *service, QObject *parent = nullptr);

    // Starts the sign-in of `name`; nothing while one is under way.
    void start(const QString &name);
    bool isRunning() const { return !m_flow.isNull(); }

Q_SIGNALS:
    // What the user is to read now: waiting for the browser, or how it ended.
    void said(const QString &text);
    void finished(bool signedIn);

private:
    ServiceController *m_service;
    QPointer<BrowserSignIn> m_flow;
};

} // namespace Pop3Connector
