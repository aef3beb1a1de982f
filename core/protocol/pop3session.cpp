#include "protocol/pop3session.h"

namespace Pop3Connector {

namespace {

// RFC 2449 §4 allows 512 octets for a status line; generous servers send more. Anything
// beyond Pop3Session::kMaxLine is not a reply.
constexpr qint64 kReadChunk = 256 * 1024;
constexpr int kMaxPipelinedCommands = 1000;

QByteArray chopLineEnd(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line.toByteArray();
}

QByteArray printable(QByteArrayView bytes)
{
    QByteArray out;
    for (char c : bytes.first(std::min<qsizetype>(bytes.size(), 120))) {
        const auto u = static_cast<unsigned char>(c);
        out.append(u >= 0x20 && u < 0x7f ? c : '?');
    }
    return out;
}

} // namespace

Pop3Session::Pop3Session(Channel *channel, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
{
    m_channel->setParent(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(60000);
    connect(&m_timer, &QTimer::timeout, this, &Pop3Session::onTimeout);
    connect(m_channel, &Channel::connected, this, &Pop3Session::onConnected);
    connect(m_channel, &Channel::encrypted, this, &Pop3Session::onEncrypted);
    connect(m_channel, &Channel::readyRead, this, &Pop3Session::onReadyRead);
    connect(m_channel, &Channel::failed, this, &Pop3Session::onChannelFailed);
}

Pop3Session::~Pop3Session() = default;

void Pop3Session::setTimeout(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void Pop3Session::setPipelining(bool enabled)
{
    m_pipelining = enabled;
}

void Pop3Session::open(const QString &host, quint16 port, bool implicitTls)
{
    m_phase = Phase::Connecting;
    note(TranscriptDirection::Note,
        QStringLiteral("connecting to %1 port %2%3")
            .arg(host)
            .arg(port)
            .arg(implicitTls ? QStringLiteral(" with TLS") : QString())
            .toUtf8());
    startWindow();
    m_channel->connectToHost(host, port, implicitTls);
}

void Pop3Session::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    if (m_channel->isEncrypted())
        note(TranscriptDirection::Note, "TLS: " + m_channel->tlsDescription().toUtf8());
    m_phase = Phase::Greeting;
    startWindow();
    onReadyRead(); // a fast server's greeting may already be buffered
}

void Pop3Session::onEncrypted()
{
    if (m_phase != Phase::StartingTls)
        return;
    m_phase = Phase::Open;
    const QString description = m_channel->tlsDescription();
    note(TranscriptDirection::Note, "TLS: " + description.toUtf8());
    m_timer.stop();
    Q_EMIT tlsEstablished(description);
}

void Pop3Session::startTls()
{
    Q_ASSERT(m_queue.empty());
    // RFC 2595 §4 / RFC 3207 §6: anything the server sent after its STLS reply and before the
    // handshake could have been injected by an attacker; refuse rather than read it.
    if (m_bufferPos < m_buffer.size() || m_channel->bytesAvailable() > 0) {
        fail(SessionError::ProtocolViolation,
            tr("the server sent data after agreeing to STLS, before TLS began"));
        return;
    }
    m_buffer.clear();
    m_bufferPos = 0;
    m_phase = Phase::StartingTls;
    startWindow();
    m_channel->startTls();
}

void Pop3Session::send(Command command)
{
    m_queue.push_back(std::move(command));
    if (m_phase == Phase::Open)
        writePending();
}

void Pop3Session::writePending()
{
    const size_t window = m_pipelining ? kMaxPipelinedCommands : 1;
    QByteArray out;
    while (m_written < m_queue.size() && m_written < window) {
        // An AUTH exchange, and STLS, need their reply before anything else is sent.
        if (m_written > 0
            && (m_queue[m_written - 1].onContinuation || m_queue[m_written - 1].line == "STLS"))
            break;
        const Command &c = m_queue[m_written];
        out += c.line;
        out += "\r\n";
        note(TranscriptDirection::Client, c.transcriptLine.isEmpty() ? c.line : c.transcriptLine);
        ++m_written;
        if (c.onContinuation || c.line == "STLS")
            break;
    }
    if (!out.isEmpty()) {
        m_channel->write(out);
        if (!m_timer.isActive())
            startWindow(); // a reply is due from now
    }
}

void Pop3Session::onReadyRead()
{
    if (m_phase != Phase::Greeting && m_phase != Phase::Open)
        return;
    while (m_channel->bytesAvailable() > 0) {
        // Compact what was consumed, then append the next chunk.
        if (m_bufferPos > 0) {
            m_buffer.remove(0, m_bufferPos);
            m_bufferPos = 0;
        }
        const qsizetype old = m_buffer.size();
        const qint64 want = std::min<qint64>(m_channel->bytesAvailable(), kReadChunk);
        m_buffer.resize(old + want);
        const qint64 got = m_channel->read(m_buffer.data() + old, want);
        m_buffer.resize(old + std::max<qint64>(got, 0));
        if (got <= 0)
            break;
        m_windowBytes += got;
        if (!processBuffer())
            return;
    }
}

// Returns false when the session failed or stopped reading (STLS) during processing.
bool Pop3Session::processBuffer()
{
    while (m_bufferPos < m_buffer.size()) {
        const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_bufferPos);
        if (m_inBody) {
            m_payload.clear();
            const MultiLineDecoder::Step step = m_decoder.decode(rest, m_payload);
            m_bufferPos += step.consumed;
            m_bodyBytes += m_payload.size();
            Command &c = m_queue.front();
            if (c.onData) {
                if (!m_payload.isEmpty())
                    c.onData(m_payload);
            } else if (!m_payload.isEmpty()) {
                // Only the new bytes are searched for line ends; nothing is scanned twice.
                const Status split = m_lines.feed(
                    m_payload, [this, &c](QByteArrayView line) { return takeLine(c, line); });
                if (!split) {
                    failOnLine(c, split.error());
                    return false;
                }
            }
            if (m_phase == Phase::Closed)
                return false;
            if (step.finished) {
                m_inBody = false;
                if (!c.onData) {
                    const Status last = m_lines.finish(
                        [this, &c](QByteArrayView line) { return takeLine(c, line); });
                    if (!last) {
                        failOnLine(c, last.error());
                        return false;
                    }
                }
                if (c.transcribeBody) {
                    for (const QByteArray &l : std::as_const(m_reply.lines))
                        note(TranscriptDirection::Server, l);
                    note(TranscriptDirection::Server, ".");
                } else {
                    note(TranscriptDirection::Note,
                        tr("(%n bytes of listing or message)", nullptr, int(m_bodyBytes)).toUtf8());
                }
                Q_EMIT bodyProgressed(m_bodyBytes);
                finishCommand();
                if (m_phase == Phase::Closed || m_phase == Phase::StartingTls)
                    return false;
            } else if (c.onData) {
                Q_EMIT bodyProgressed(m_bodyBytes);
            }
            continue;
        }

        const qsizetype nl = rest.first(std::min(rest.size(), kMaxLine + 2)).indexOf('\n');
        if (nl < 0 || nl > kMaxLine) {
            if (rest.size() > kMaxLine) {
                fail(SessionError::ProtocolViolation,
                    tr("the server sent a line longer than %1 bytes where a reply was expected")
                        .arg(kMaxLine));
                return false;
            }
            return true; // wait for the rest of the line
        }
        const QByteArray line = chopLineEnd(rest.first(nl + 1));
        m_bufferPos += nl + 1;
        if (!processStatusLine(line))
            return false;
        if (m_phase == Phase::Closed || m_phase == Phase::StartingTls)
            return false;
    }
    return true;
}

bool Pop3Session::processStatusLine(QByteArrayView line)
{
    if (m_phase == Phase::Greeting) {
        note(TranscriptDirection::Server, line.toByteArray());
        const std::optional<StatusLine> status = parseStatusLine(line);
        if (!status) {
            fail(SessionError::ProtocolViolation,
                tr("the server did not greet as a POP3 server does; it said \"%1\"")
                    .arg(QString::fromLatin1(printable(line))));
            return false;
        }
        if (!status->ok) {
            fail(SessionError::ProtocolViolation,
                tr("the server refused the connection: %1").arg(QString::fromUtf8(status->text)));
            return false;
        }
        m_phase = Phase::Open;
        m_timer.stop();
        Q_EMIT greeted(line.toByteArray());
        if (m_phase == Phase::Open)
            writePending();
        return m_phase == Phase::Open;
    }

    if (m_written == 0) {
        fail(SessionError::ProtocolViolation,
            tr("the server sent \"%1\" when no reply was due")
                .arg(QString::fromLatin1(printable(line))));
        return false;
    }
    Command &c = m_queue.front();
    if (c.onContinuation) {
        if (const std::optional<QByteArray> challenge = parseContinuation(line)) {
            note(TranscriptDirection::Server, line.toByteArray());
            const SaslResponse response = c.onContinuation(*challenge);
            note(TranscriptDirection::Client, response.transcriptLine);
            m_channel->write(response.line + "\r\n");
            return true;
        }
    }
    const std::optional<StatusLine> status = parseStatusLine(line);
    note(TranscriptDirection::Server, line.toByteArray());
    if (!status) {
        fail(SessionError::ProtocolViolation,
            tr("the server answered \"%1\" to %2, which is not a POP3 reply")
                .arg(QString::fromLatin1(printable(line)),
                    QString::fromLatin1(c.line.split(' ').front())));
        return false;
    }
    m_reply = Reply {*status, {}};
    if (status->ok && c.multiLine) {
        m_inBody = true;
        m_bodyBytes = 0;
        m_collectedBytes = 0;
        m_decoder.reset();
        m_lines.reset();
        return true;
    }
    finishCommand();
    return true;
}

void Pop3Session::finishCommand()
{
    Command c = std::move(m_queue.front());
    m_queue.pop_front();
    --m_written;
    Reply reply = std::move(m_reply);
    m_reply = {};
    if (m_queue.empty() || m_written == 0)
        m_timer.stop();
    else
        startWindow(); // the next reply is due from now
    if (c.onReply)
        c.onReply(reply);
    if (m_phase == Phase::Open)
        writePending();
}

// A line of a multi-line body: to the command's onLine, or collected within the reply cap.
Status Pop3Session::takeLine(Command &c, QByteArrayView line)
{
    if (c.onLine)
        return c.onLine(line);
    m_collectedBytes += line.size() + 2;
    if (m_collectedBytes > kMaxCollectedReply) {
        return Error {ErrorCode::LimitExceeded,
            tr("the reply is longer than %1 bytes").arg(kMaxCollectedReply)};
    }
    m_reply.lines.append(line.toByteArray());
    return {};
}

void Pop3Session::failOnLine(const Command &c, const Error &error)
{
    if (m_phase == Phase::Closed)
        return; // the handler already ended the session
    fail(error.code == ErrorCode::LimitExceeded ? SessionError::LimitExceeded
                                                : SessionError::ProtocolViolation,
        tr("in its reply to %1, %2")
            .arg(QString::fromLatin1(c.line.split(' ').front()), error.message));
}

void Pop3Session::startWindow()
{
    m_windowBytes = 0;
    m_timer.start();
}

void Pop3Session::close()
{
    m_phase = Phase::Closed;
    m_timer.stop();
    m_lines.reset();
    m_queue.clear();
    m_written = 0;
    m_channel->close();
}

void Pop3Session::abort()
{
    m_phase = Phase::Closed;
    m_timer.stop();
    m_lines.reset();
    m_queue.clear();
    m_written = 0;
    m_channel->abort();
}

SessionError sessionErrorFor(ChannelError error)
{
    switch (error) {
    case ChannelError::HostNotFound:
        return SessionError::HostNotFound;
    case ChannelError::ConnectionRefused:
        return SessionError::ConnectionRefused;
    case ChannelError::RemoteClosed:
        return SessionError::Dropped;
    case ChannelError::TlsCertificate:
        return SessionError::TlsCertificate;
    case ChannelError::TlsHandshake:
        return SessionError::TlsHandshake;
    case ChannelError::Network:
        break;
    }
    return SessionError::Network;
}

void Pop3Session::onChannelFailed(ChannelError error, const QString &detail)
{
    if (m_phase != Phase::Closed)
        fail(sessionErrorFor(error), detail);
}

void Pop3Session::onTimeout()
{
    const int seconds = std::max(1, m_timer.interval() / 1000);
    // The progress floor: a window that brought enough bytes earns the next one.
    const qint64 floor = kMinBytesPerSecond * m_timer.interval() / 1000;
    const bool awaitingData =
        m_phase == Phase::Greeting || (m_phase == Phase::Open && m_written > 0);
    if (awaitingData && m_windowBytes >= std::max<qint64>(floor, 1)) {
        startWindow();
        return;
    }
    QString waitingFor;
    switch (m_phase) {
    case Phase::Connecting:
        waitingFor = tr("the connection");
        break;
    case Phase::Greeting:
        waitingFor = tr("the greeting");
        break;
    case Phase::StartingTls:
        waitingFor = tr("the TLS handshake");
        break;
    default:
        waitingFor = m_queue.empty()
            ? tr("a reply")
            : tr("the reply to %1")
                  .arg(QString::fromLatin1(m_queue.front().line.split(' ').front()));
        break;
    }
    if (m_windowBytes == 0) {
        fail(SessionError::Timeout,
            tr("no data for %n second(s) while waiting for %1", nullptr, seconds).arg(waitingFor));
        return;
    }
    fail(SessionError::Timeout,
        tr("only %1 bytes in %n second(s) while waiting for %2, less than %3 bytes a second",
            nullptr, seconds)
            .arg(m_windowBytes)
            .arg(waitingFor)
            .arg(kMinBytesPerSecond));
}

void Pop3Session::fail(SessionError error, const QString &detail)
{
    if (m_phase == Phase::Closed)
        return;
    note(TranscriptDirection::Note, detail.toUtf8());
    abort();
    Q_EMIT failed(SessionFailure {error, detail});
}

void Pop3Session::note(TranscriptDirection direction, const QByteArray &line)
{
    if (m_transcriptEnabled)
        Q_EMIT transcriptLine(direction, line);
}

} // namespace Pop3Connector
