#include "diagnosis/deliveryprobe.h"

#include "diagnosis/mailboxchecks.h"
#include "protocol/channel.h"
#include "protocol/sasl.h"
#include "protocol/smtpconnection.h"

#include <QHostInfo>

namespace Pop3Connector {

DeliveryProbe::DeliveryProbe(const Configuration &configuration, std::optional<QByteArray> password,
    int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_delivery(configuration.delivery)
    , m_password(std::move(password))
    , m_timeoutMs(timeoutMs)
{
    m_facts.host = m_delivery.host;
    m_facts.port = m_delivery.port;
    m_facts.transport = m_delivery.transport;
    m_facts.security = m_delivery.security;
    m_facts.user = m_delivery.user;
    m_facts.undeliverable = configuration.connector.undeliverableMailbox;
    m_facts.recipients = DeliveryChecks::recipientsOf(configuration, &m_facts.skipped);
}

void DeliveryProbe::setRecipients(const QList<DeliveryFacts::Recipient> &recipients)
{
    m_facts.recipients = recipients;
    m_facts.skipped.clear();
}

void DeliveryProbe::start()
{
    m_connection = new SmtpConnection(new SocketChannel(TlsTrust {m_delivery.caFile}), this);
    m_connection->setTimeout(m_timeoutMs);
    m_connection->setTranscriptEnabled(true);
    connect(m_connection, &SmtpConnection::transcriptLine, this,
        [this](TranscriptDirection direction, const QByteArray &line) {
            constexpr int kMaxLines = 400;
            if (m_facts.transcript.size() < kMaxLines)
                m_facts.transcript.append(MailboxChecks::transcriptLines({{direction, line}}));
        });
    connect(m_connection, &SmtpConnection::greeted, this, [this](const SmtpReply &reply) {
        m_facts.greeting = reply.text();
        hello();
    });
    connect(m_connection, &SmtpConnection::failed, this, [this](const SessionFailure &f) {
        // Refused, unreachable or silent while connecting: no server there; later, the step
        // under way failed.
        m_facts.sessionError = f.error;
        const bool unreachable = f.error == SessionError::ConnectionRefused
            || f.error == SessionError::HostNotFound || f.error == SessionError::Network
            || f.error == SessionError::Timeout;
        if (m_step == DeliveryFacts::Step::Connect && !unreachable)
            m_step = DeliveryFacts::Step::Greeting;
        stop(m_step, f.detail);
    });
    connect(m_connection, &SmtpConnection::tlsEstablished, this, [this] {
        m_facts.tlsDone = true;
        hello();
    });
    m_connection->open(
        m_delivery.host, m_delivery.port, m_delivery.security == DeliverySecurity::Tls);
}

// RFC 5321 §4.1.1.1 EHLO, RFC 2033 §4.1 LHLO; again after STARTTLS (RFC 3207 §4.2).
void DeliveryProbe::hello()
{
    m_step = DeliveryFacts::Step::Hello;
    SmtpConnection::Command c;
    c.line = (m_delivery.transport == Transport::Lmtp ? "LHLO " : "EHLO ")
        + QHostInfo::localHostName().toUtf8();
    c.barrier = true;
    c.onReplies = [this](const QList<SmtpReply> &r) { onHello(r.first()); };
    m_connection->send(std::move(c));
}

void DeliveryProbe::onHello(const SmtpReply &reply)
{
    if (!reply.isPositive())
        return stop(DeliveryFacts::Step::Hello, QString::fromUtf8(reply.text()));
    m_facts.extensions = parseEhloReply(reply);
    if (m_delivery.security == DeliverySecurity::StartTls && !m_facts.tlsDone) {
        m_step = DeliveryFacts::Step::StartTls;
        if (!m_facts.extensions.startTls)
            return stop(m_step,
                Phrase(staticMetaObject.className(), QT_TR_NOOP("STARTTLS is not offered")));
        SmtpConnection::Command c;
        c.line = "STARTTLS";
        c.barrier = true;
        c.onReplies = [this](const QList<SmtpReply> &r) {
            if (r.first().code != 220)
                return stop(m_step, QString::fromUtf8(r.first().text()));
            m_connection->startTls();
        };
        m_connection->send(std::move(c));
        return;
    }
    authenticate();
}

// RFC 4954 §4, with the mechanism delivery would choose.
void DeliveryProbe::authenticate()
{
    if (m_delivery.user.isEmpty())
        return transact();
    m_step = DeliveryFacts::Step::Auth;
    if (!m_password)
        return stop(m_step,
            Phrase(staticMetaObject.className(), QT_TR_NOOP("no password is stored for delivery")));
    const SaslMechanism *sasl = strongestSaslMechanism(m_facts.extensions.auth, SaslProtocol::Smtp);
    if (!sasl)
        return stop(m_step,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("no authentication the connector knows is offered (%1)"))
                .arg(saslMechanismNames(SaslProtocol::Smtp)));
    const SaslExchange exchange(*sasl, {m_delivery.user.toUtf8(), *m_password});
    SmtpConnection::Command c;
    c.barrier = true;
    c.line = exchange.command();
    c.onContinuation = exchange;
    c.onReplies = [this](const QList<SmtpReply> &r) {
        if (!r.first().isPositive())
            return stop(m_step, QString::fromUtf8(r.first().text()));
        m_facts.authDone = true;
        transact();
    };
    m_connection->send(std::move(c));
}

// RFC 5321 §3.3 and §4.1.1.5: a transaction that RSET abandons before DATA.
void DeliveryProbe::transact()
{
    m_step = DeliveryFacts::Step::Mail;
    SmtpConnection::Command mail;
    mail.line = "MAIL FROM:<>";
    mail.onReplies = [this](const QList<SmtpReply> &r) {
        if (!r.first().isPositive())
            return stop(DeliveryFacts::Step::Mail, QString::fromUtf8(r.first().text()));
        m_step = DeliveryFacts::Step::Recipients;
        for (int i = 0; i < m_facts.recipients.size(); ++i) {
            SmtpConnection::Command rcpt;
            rcpt.line = "RCPT TO:<" + m_facts.recipients[i].address.toUtf8() + '>';
            rcpt.onReplies = [this, i](const QList<SmtpReply> &r) {
                m_facts.recipients[i].reply = r.first();
            };
            m_connection->send(std::move(rcpt));
        }
        SmtpConnection::Command rset;
        rset.line = "RSET";
        m_connection->send(std::move(rset));
        SmtpConnection::Command quit;
        quit.line = "QUIT";
        quit.barrier = true;
        quit.onReplies = [this](const QList<SmtpReply> &) {
            m_connection->close();
            m_step = DeliveryFacts::Step::None;
            done();
        };
        m_connection->send(std::move(quit));
    };
    m_connection->send(std::move(mail));
}

void DeliveryProbe::stop(DeliveryFacts::Step step, const Phrase &failure)
{
    if (m_finished)
        return;
    // A server that answered every RCPT and then hung up before QUIT's reply told all we asked.
    if (step == DeliveryFacts::Step::Recipients && !m_facts.recipients.isEmpty()
        && m_facts.recipients.last().reply)
        step = DeliveryFacts::Step::None;
    m_facts.stoppedAt = step;
    m_facts.failure = failure;
    if (m_connection)
        m_connection->abort();
    done();
}

void DeliveryProbe::done()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_step == DeliveryFacts::Step::None)
        m_facts.stoppedAt = DeliveryFacts::Step::None;
    Q_EMIT finished(m_facts);
}

} // namespace Pop3Connector
