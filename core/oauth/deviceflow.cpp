#include "oauth/deviceflow.h"

namespace Pop3Connector {

DeviceFlow::DeviceFlow(OAuthClient client, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
{
    m_client.setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeviceFlow::poll);
}

void DeviceFlow::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Requesting;
    m_client.authorizeDevice([this](const Result<DeviceAuthorization> &d) {
        if (m_state != State::Requesting)
            return;
        if (!d) {
            TokenReply r;
            r.error = TokenReply::kUnreachable;
            r.description = d.error().message;
            finish(r);
            return;
        }
        m_deviceCode = d->deviceCode;
        m_intervalMs = d->intervalSeconds * 1000;
        m_expiresMs = d->expiresInSeconds * 1000;
        m_age.start();
        m_state = State::Polling;
        Q_EMIT codeIssued(d->userCode, d->verificationUri, d->verificationUriComplete);
        m_timer.start(m_intervalMs);
    });
}

void DeviceFlow::cancel()
{
    m_timer.stop();
    m_state = State::Finished;
}

void DeviceFlow::poll()
{
    if (m_state != State::Polling)
        return;
    if (m_age.elapsed() > m_expiresMs) {
        TokenReply r;
        r.error = QStringLiteral("expired_token");
        finish(r);
        return;
    }
    m_client.pollDevice(m_deviceCode, [this](const TokenReply &reply) { onPolled(reply); });
}

// RFC 8628 §3.5: pending means ask again; slow_down, ask again 5 seconds less often; a network
// failure is treated like slow_down (§3.5, "connection timeout"); anything else ends the flow.
void DeviceFlow::onPolled(const TokenReply &reply)
{
    if (m_state != State::Polling)
        return;
    if (reply.error == u"authorization_pending") {
        m_timer.start(m_intervalMs);
    } else if (reply.error == u"slow_down" || reply.error == TokenReply::kUnreachable) {
        m_intervalMs += 5000;
        m_timer.start(m_intervalMs);
    } else {
        finish(reply);
    }
}

void DeviceFlow::finish(const TokenReply &reply)
{
    m_state = State::Finished;
    m_timer.stop();
    Q_EMIT finished(reply);
}

} // namespace Pop3Connector
