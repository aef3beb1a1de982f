#include "protocol/linesession.h"

#include <cstring>
#include <iterator>

namespace Pop3Connector {

namespace {

// Input is read at most this much at a time, so that the buffer stays small however much the
// socket holds.
constexpr qint64 kReadChunk = 256 * 1024;

QByteArray chopLineEnd(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line.toByteArray();
}

} // namespace

SessionError sessionErrorFor(ChannelError error)
{
    // By ChannelError: the session's error of the same name, but that the server closing the
    // connection while a reply is due is a drop.
    static constexpr SessionError kByChannelError[] = {
        SessionError::HostNotFound,
        SessionError::ConnectionRefused,
        SessionError::Network,
        SessionError::Dropped,
        SessionError::TlsCertificate,
        SessionError::TlsHandshake,
    };
    static_assert(std::size(kByChannelError) == size_t(ChannelError::TlsHandshake) + 1);
    return kByChannelError[size_t(error)];
}

qsizetype lineLength(QByteArrayView input, qsizetype maxLength)
{
    const QByteArrayView head = input.first(std::min(input.size(), maxLength + 1));
    const auto *nl = static_cast<const char *>(std::memchr(head.data(), '\n', size_t(head.size())));
    if (nl)
        return nl - head.data() + 1;
    return input.size() > maxLength ? -1 : 0;
}

bool keepsProgressFloor(qint64 bytes, int windowMs, qint64 minBytesPerSecond)
{
    return bytes >= std::max<qint64>(minBytesPerSecond * windowMs / 1000, 1);
}

bool mayWriteNext(qsizetype inFlight, bool pipelining, qsizetype maxPipelined, bool behindBarrier)
{
    return !behindBarrier && inFlight < (pipelining ? maxPipelined : 1);
}

LineSession::LineSession(Channel *channel, QByteArrayView startTlsCommand, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
    , m_startTlsCommand(startTlsCommand.toByteArray())
{
    m_channel->setParent(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(60000);
    connect(&m_timer, &QTimer::timeout, this, &LineSession::onTimeout);
    connect(m_channel, &Channel::connected, this, &LineSession::onConnected);
    connect(m_channel, &Channel::encrypted, this, &LineSession::onEncrypted);
    connect(m_channel, &Channel::readyRead, this, &LineSession::onReadyRead);
    connect(m_channel, &Channel::failed, this, &LineSession::onChannelFailed);
}

LineSession::~LineSession() = default;

void LineSession::open(const QString &host, quint16 port, bool implicitTls)
{
    m_phase = Phase::Connecting;
    note((implicitTls
            ? Phrase(staticMetaObject.className(), QT_TR_NOOP("connecting to %1 port %2 with TLS"))
            : Phrase(staticMetaObject.className(), QT_TR_NOOP("connecting to %1 port %2")))
             .arg(host)
             .arg(port));
    startWindow();
    m_channel->connectToHost(host, port, implicitTls);
}

void LineSession::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    if (m_channel->isEncrypted())
        note(Phrase(staticMetaObject.className(), QT_TR_NOOP("TLS: %1"))
                 .arg(m_channel->tlsDescription()));
    m_phase = Phase::Greeting;
    startWindow();
    onReadyRead(); // a fast server's greeting may already be buffered
}

void LineSession::greetingAccepted()
{
    m_phase = Phase::Open;
    m_timer.stop();
}

void LineSession::greetingRefused(QByteArrayView text)
{
    fail(SessionError::ProtocolViolation,
        tr("the server refused the connection: %1").arg(QString::fromUtf8(text)));
}

void LineSession::startTls()
{
    Q_ASSERT(m_queue.empty());
    // RFC 2595 §4 / RFC 3207 §4.2: anything the server sent after agreeing and before the
    // handshake could have been injected by an attacker; refuse rather than read it.
    if (!input().isEmpty() || m_channel->bytesAvailable() > 0) {
        fail(SessionError::ProtocolViolation,
            tr("the server sent data after agreeing to %1, before TLS began")
                .arg(QString::fromLatin1(m_startTlsCommand)));
        return;
    }
    m_input.clear();
    m_inputPos = 0;
    m_phase = Phase::StartingTls;
    startWindow();
    m_channel->startTls();
}

void LineSession::onEncrypted()
{
    if (m_phase != Phase::StartingTls)
        return;
    m_phase = Phase::Open;
    m_timer.stop();
    const QString description = m_channel->tlsDescription();
    note(Phrase(staticMetaObject.className(), QT_TR_NOOP("TLS: %1")).arg(description));
    Q_EMIT tlsEstablished(description);
}

void LineSession::enqueue(std::unique_ptr<Request> request)
{
    m_queue.push_back(std::move(request));
    writePending();
}

bool LineSession::isBarrier(const Request &request) const
{
    return request.barrier || request.onContinuation || request.line == m_startTlsCommand;
}

void LineSession::writePending()
{
    if (m_phase != Phase::Open)
        return;
    QByteArray out; // the lines go out in one write
    while (m_written < m_queue.size()) {
        const bool behindBarrier = m_written > 0 && isBarrier(*m_queue[m_written - 1]);
        if (!mayWriteNext(qsizetype(m_written), m_pipelining, kMaxPipelined, behindBarrier))
            break;
        Request &r = *m_queue[m_written];
        if (r.line.isEmpty()) {
            writeRaw(std::exchange(out, {})); // the lines before it go first
            if (!writeBody(r))
                return; // waiting for the network to take more, or failed
        } else {
            out += r.line;
            out += "\r\n";
            note(TranscriptDirection::Client,
                r.transcriptLine.isEmpty() ? r.line : r.transcriptLine);
        }
        ++m_written;
    }
    writeRaw(out);
}

bool LineSession::writeBody(Request &)
{
    return true;
}

void LineSession::writeRaw(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_channel->write(bytes);
    if (!m_timer.isActive())
        startWindow(); // a reply is due from now
}

void LineSession::onReadyRead()
{
    if (!isReading())
        return;
    while (m_channel->bytesAvailable() > 0) {
        // Compact what was consumed, then append the next chunk.
        if (m_inputPos > 0) {
            m_input.remove(0, m_inputPos);
            m_inputPos = 0;
        }
        const qsizetype old = m_input.size();
        const qint64 want = std::min<qint64>(m_channel->bytesAvailable(), kReadChunk);
        m_input.resize(old + want);
        const qint64 got = m_channel->read(m_input.data() + old, want);
        m_input.resize(old + std::max<qint64>(got, 0));
        if (got <= 0)
            break;
        noteProgress(got);
        readInput();
        if (!isReading())
            return; // failed, closed, or starting TLS: the rest is not read
    }
}

std::optional<QByteArray> LineSession::takeLine()
{
    const QByteArrayView rest = input();
    const qsizetype length = lineLength(rest, kMaxLine);
    if (length < 0) {
        fail(SessionError::ProtocolViolation,
            tr("the server sent a line longer than %1 bytes where a reply was expected")
                .arg(kMaxLine));
        return std::nullopt;
    }
    if (length == 0)
        return std::nullopt;
    consumeInput(length);
    return chopLineEnd(rest.first(length));
}

bool LineSession::expectReply(QByteArrayView received)
{
    if (m_written > 0)
        return true;
    fail(SessionError::ProtocolViolation,
        tr("the server sent \"%1\" when no reply was due").arg(printable(received)));
    return false;
}

std::unique_ptr<LineSession::Request> LineSession::takeFrontRequest()
{
    std::unique_ptr<Request> done = std::move(m_queue.front());
    m_queue.pop_front();
    --m_written;
    if (m_written == 0)
        m_timer.stop();
    else
        startWindow(); // the next reply is due from now
    return done;
}

void LineSession::answerChallenge(Request &request, const QByteArray &base64Challenge)
{
    const SaslResponse response = request.onContinuation(base64Challenge);
    note(TranscriptDirection::Client, response.transcriptLine);
    writeRaw(response.line + "\r\n");
}

QString LineSession::commandName(const Request &request)
{
    return QString::fromLatin1(request.line.split(' ').front());
}

QString LineSession::printable(QByteArrayView bytes)
{
    QString out;
    for (char c : bytes.first(std::min<qsizetype>(bytes.size(), 120))) {
        const auto u = static_cast<unsigned char>(c);
        out.append(u >= 0x20 && u < 0x7f ? QChar::fromLatin1(c) : QChar(u'?'));
    }
    return out;
}

void LineSession::startWindow()
{
    m_windowBytes = 0;
    m_timer.start();
}

QString LineSession::waitingFor() const
{
    if (m_phase == Phase::Connecting)
        return tr("the connection");
    if (m_phase == Phase::Greeting)
        return tr("the greeting");
    if (m_phase == Phase::StartingTls)
        return tr("the TLS handshake");
    if (m_queue.empty())
        return tr("a reply");
    const Request &front = *m_queue.front();
    if (front.line.isEmpty())
        return tr("the reply to a message body");
    return tr("the reply to %1").arg(commandName(front));
}

void LineSession::onTimeout()
{
    // The progress floor: a window that brought enough earns the next one.
    if (keepsProgressFloor(m_windowBytes, m_timer.interval(), m_minBytesPerSecond)) {
        startWindow();
        return;
    }
    const int seconds = std::max(1, m_timer.interval() / 1000);
    if (m_windowBytes == 0) {
        fail(SessionError::Timeout,
            tr("no data for %n second(s) while waiting for %1", nullptr, seconds)
                .arg(waitingFor()));
        return;
    }
    fail(SessionError::Timeout,
        tr("only %1 bytes in %n second(s) while waiting for %2, less than %3 bytes a second",
            nullptr, seconds)
            .arg(m_windowBytes)
            .arg(waitingFor())
            .arg(m_minBytesPerSecond));
}

void LineSession::onChannelFailed(ChannelError error, const QString &detail)
{
    fail(sessionErrorFor(error), detail);
}

void LineSession::fail(SessionError error, const QString &detail)
{
    if (m_phase == Phase::Closed)
        return;
    note(Phrase(detail));
    abort();
    Q_EMIT failed(SessionFailure {error, detail});
}

void LineSession::note(TranscriptDirection direction, const QByteArray &line)
{
    if (m_transcriptEnabled)
        Q_EMIT transcriptLine(direction, line);
}

void LineSession::note(const Phrase &text)
{
    if (!m_transcriptEnabled)
        return;
    Q_EMIT transcriptLine(TranscriptDirection::Note, text.english().toUtf8());
    Q_EMIT noted(text);
}

void LineSession::shutDown()
{
    m_phase = Phase::Closed;
    m_timer.stop();
    m_queue.clear();
    m_written = 0;
}

void LineSession::close()
{
    shutDown();
    m_channel->close();
}

void LineSession::abort()
{
    shutDown();
    m_channel->abort();
}

} // namespace Pop3Connector
