#include "protocol/smtpconnection.h"

namespace Pop3Connector {

namespace {
constexpr qsizetype kMaxReplyLine = 8192;
constexpr qint64 kBodyChunk = 256 * 1024;
// Bodies are fed to the socket while less than this waits to be sent: memory stays flat.
constexpr qint64 kWriteWindow = 1024 * 1024;
} // namespace

SmtpConnection::SmtpConnection(Channel *channel, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
{
    m_channel->setParent(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(60000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(SessionError::Timeout,
            tr("no answer for %n second(s)", nullptr, m_timer.interval() / 1000));
    });
    connect(m_channel, &Channel::connected, this, &SmtpConnection::onConnected);
    connect(m_channel, &Channel::encrypted, this, &SmtpConnection::onEncrypted);
    connect(m_channel, &Channel::readyRead, this, &SmtpConnection::onReadyRead);
    connect(m_channel, &Channel::bytesWritten, this, [this] {
        m_timer.start(); // the server is taking data: not a stall
        if (m_phase == Phase::Open)
            writePending();
    });
    connect(m_channel, &Channel::failed, this, &SmtpConnection::onChannelFailed);
}

SmtpConnection::~SmtpConnection() = default;

void SmtpConnection::note(TranscriptDirection direction, const QByteArray &line)
{
    if (m_transcriptEnabled)
        Q_EMIT transcriptLine(direction, line);
}

void SmtpConnection::open(const QString &host, quint16 port, bool implicitTls)
{
    m_phase = Phase::Connecting;
    note(TranscriptDirection::Note,
        QStringLiteral("connecting to %1 port %2").arg(host).arg(port).toUtf8());
    m_timer.start();
    m_channel->connectToHost(host, port, implicitTls);
}

void SmtpConnection::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    m_phase = Phase::Greeting;
    m_timer.start();
    onReadyRead();
}

void SmtpConnection::onEncrypted()
{
    if (m_phase != Phase::StartingTls)
        return;
    m_phase = Phase::Open;
    m_timer.stop();
    const QString description = m_channel->tlsDescription();
    note(TranscriptDirection::Note, "TLS: " + description.toUtf8());
    Q_EMIT tlsEstablished(description);
}

void SmtpConnection::startTls()
{
    // RFC 3207 §4.2: data after the 220 and before the handshake may be an attacker's.
    if (!m_buffer.isEmpty() || m_channel->bytesAvailable() > 0) {
        fail(SessionError::ProtocolViolation,
            tr("the server sent data after agreeing to STARTTLS, before TLS began"));
        return;
    }
    m_phase = Phase::StartingTls;
    m_timer.start();
    m_channel->startTls();
}

void SmtpConnection::send(Command command)
{
    m_queue.push_back(std::move(command));
    if (m_phase == Phase::Open)
        writePending();
}

void SmtpConnection::writePending()
{
    while (m_written < m_queue.size()) {
        if (m_written > 0) {
            const Command &previous = m_queue[m_written - 1];
            if (!m_pipelining || previous.barrier || previous.onContinuation)
                return;
        }
        Command &c = m_queue[m_written];
        if (!c.bodyPath.isEmpty()) {
            if (!streamBody(c))
                return; // waiting for the socket, or failed
        } else {
            m_channel->write(c.line + "\r\n");
            note(TranscriptDirection::Client,
                c.transcriptLine.isEmpty() ? c.line : c.transcriptLine);
        }
        ++m_written;
        if (!m_timer.isActive())
            m_timer.start();
    }
}

// Returns true once the whole body and its final "." are written.
bool SmtpConnection::streamBody(Command &c)
{
    if (!m_body) {
        m_body = std::make_unique<QFile>(c.bodyPath);
        if (!m_body->open(QIODevice::ReadOnly) || !m_body->seek(c.bodyOffset)) {
            fail(SessionError::ProtocolViolation,
                tr("cannot read %1: %2").arg(c.bodyPath, m_body->errorString()));
            return false;
        }
        m_encoder = DataEncoder();
        note(TranscriptDirection::Note, tr("(message body)").toUtf8());
    }
    QByteArray out;
    while (m_channel->bytesToWrite() < kWriteWindow) {
        const QByteArray chunk = m_body->read(kBodyChunk);
        out.clear();
        if (chunk.isEmpty()) {
            m_encoder.finish(out);
            m_channel->write(out);
            m_body.reset();
            return true;
        }
        m_encoder.encode(chunk, out);
        m_channel->write(out);
    }
    return false;
}

void SmtpConnection::onReadyRead()
{
    if (m_phase != Phase::Greeting && m_phase != Phase::Open)
        return;
    const qint64 want = m_channel->bytesAvailable();
    if (want > 0) {
        const qsizetype old = m_buffer.size();
        m_buffer.resize(old + want);
        const qint64 got = m_channel->read(m_buffer.data() + old, want);
        m_buffer.resize(old + std::max<qint64>(got, 0));
        if (got > 0)
            m_timer.start();
    }
    for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n')) {
        QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        note(TranscriptDirection::Server, line);
        const std::optional<SmtpReplyLine> parsed = parseSmtpReplyLine(line);
        if (!parsed || (!m_partial.lines.isEmpty() && parsed->code != m_partial.code)) {
            fail(SessionError::ProtocolViolation,
                tr("the server sent \"%1\", which is not an SMTP reply")
                    .arg(QString::fromLatin1(line.left(100))));
            return;
        }
        m_partial.code = parsed->code;
        m_partial.lines.append(parsed->text);
        if (!parsed->last)
            continue;
        const SmtpReply reply = std::exchange(m_partial, {});
        onReply(reply);
        if (m_phase == Phase::Closed || m_phase == Phase::StartingTls)
            return;
    }
    if (m_buffer.size() > kMaxReplyLine)
        fail(SessionError::ProtocolViolation, tr("the server sent an over-long line"));
}

void SmtpConnection::onReply(const SmtpReply &reply)
{
    if (m_phase == Phase::Greeting) {
        if (reply.code != 220) {
            fail(SessionError::ProtocolViolation,
                tr("the server refused the connection: %1").arg(QString::fromUtf8(reply.text())));
            return;
        }
        m_phase = Phase::Open;
        m_timer.stop();
        Q_EMIT greeted(reply);
        writePending();
        return;
    }
    if (m_written == 0) {
        fail(SessionError::ProtocolViolation,
            tr("the server sent \"%1\" when no reply was due")
                .arg(QString::fromUtf8(reply.text())));
        return;
    }
    Command &c = m_queue.front();
    if (c.onContinuation && reply.code == 334) {
        const SaslResponse response = c.onContinuation(reply.lines.value(0).trimmed());
        note(TranscriptDirection::Client, response.transcriptLine);
        m_channel->write(response.line + "\r\n");
        return;
    }
    m_collected.append(reply);
    if (m_collected.size() < c.replies)
        return;
    Command done = std::move(m_queue.front());
    m_queue.pop_front();
    --m_written;
    const QList<SmtpReply> replies = std::exchange(m_collected, {});
    if (m_written == 0)
        m_timer.stop();
    if (done.onReplies)
        done.onReplies(replies);
    if (m_phase == Phase::Open)
        writePending();
}

void SmtpConnection::close()
{
    m_phase = Phase::Closed;
    m_timer.stop();
    m_queue.clear();
    m_written = 0;
    m_channel->close();
}

void SmtpConnection::abort()
{
    m_phase = Phase::Closed;
    m_timer.stop();
    m_queue.clear();
    m_written = 0;
    m_channel->abort();
}

void SmtpConnection::onChannelFailed(ChannelError error, const QString &detail)
{
    fail(sessionErrorFor(error), detail);
}

void SmtpConnection::fail(SessionError error, const QString &detail)
{
    if (m_phase == Phase::Closed)
        return;
    note(TranscriptDirection::Note, detail.toUtf8());
    abort();
    Q_EMIT failed(SessionFailure {error, detail});
}

} // namespace Pop3Connector
