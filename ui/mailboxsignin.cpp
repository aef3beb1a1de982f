#include "mailboxsignin.h"

#include "service/browsersignin.h"
#include "servicecontroller.h"

#include <QDesktopServices>
#include <QUrl>

namespace Pop3Connector {

MailboxSignIn::MailboxSignIn(ServiceController *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

void MailboxSignIn::start(const QString &name)
{
    if (m_flow || name.isEmpty())
        return;
    auto *flow = new BrowserSignIn(m_service->configuration(), name, m_service->client(), this);
    m_flow = flow;
    const auto finish = [this, flow](const QString &text, bool signedIn) {
        flow->deleteLater();
        m_flow = nullptr;
        Q_EMIT said(text);
        Q_EMIT finished(signedIn);
    };
    connect(flow, &BrowserSignIn::browserWanted, this, [this, name](const QUrl &url) {
        Q_EMIT said(
            tr("Sign in to the provider for %1 in your browser; this window waits.").arg(name));
        if (!QDesktopServices::openUrl(url)) {
            Q_EMIT said(tr("Open this address in a browser to sign in for %1: %2")
                            .arg(name, url.toString()));
        }
    });
    connect(flow, &BrowserSignIn::signedIn, this, [finish, name] {
        finish(tr("%1 is signed in. The service keeps the sign-in and renews its access by itself.")
                   .arg(name),
            true);
    });
    connect(flow, &BrowserSignIn::failed, this, [finish, name](const Error &error) {
        finish(tr("The sign-in for %1 did not succeed: %2").arg(name, error.message), false);
    });
    if (const Status started = flow->start(); !started)
        finish(tr("The sign-in for %1 cannot start: %2").arg(name, started.error().message), false);
}

} // namespace Pop3Connector
