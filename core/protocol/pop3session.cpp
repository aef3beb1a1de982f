#include "protocol/pop3session.h"

namespace Pop3Connector {

Pop3Session::Pop3Session(Channel *channel, QObject *parent)
    : LineSession(channel, "STLS", parent)
{
    setMinBytesPerSecond(kMinBytesPerSecond);
}

Pop3Session::~Pop3Session() = default;

void Pop3Session::send(Command command)
{
    enqueue(std::make_unique<Command>(std::move(command)));
}

void Pop3Session::readInput()
{
    while (!input().isEmpty()) {
        if (m_inBody) {
            if (!readBody())
                return;
            continue;
        }
        // RFC 2449 §4 allows 512 octets for a status line; generous servers send more.
        const std::optional<QByteArray> line = takeLine();
        if (!line || !processStatusLine(*line) || !isReading())
            return;
    }
}

// RFC 1939 §3: a chunk of a multi-line body, streamed to onData or split into lines. Returns
// false when the session failed or stopped reading.
bool Pop3Session::readBody()
{
    m_payload.clear();
    const MultiLineDecoder::Step step = m_decoder.decode(input(), m_payload);
    consumeInput(step.consumed);
    m_bodyBytes += m_payload.size();
    Command &c = front();
    if (c.onData) {
        if (!m_payload.isEmpty())
            c.onData(m_payload);
    } else if (!m_payload.isEmpty()) {
        // Only the new bytes are searched for line ends; nothing is scanned twice.
        const Status split = m_lines.feed(
            m_payload, [this, &c](QByteArrayView line) { return takeBodyLine(c, line); });
        if (!split) {
            failOnLine(c, split.error());
            return false;
        }
    }
    if (phase() == Phase::Closed)
        return false;
    if (step.finished)
        return finishBody(c);
    if (c.onData)
        Q_EMIT bodyProgressed(m_bodyBytes);
    return true;
}

// The terminating "." has come: the last line, the transcript, and the command's reply.
bool Pop3Session::finishBody(Command &c)
{
    m_inBody = false;
    if (!c.onData) {
        const Status last =
            m_lines.finish([this, &c](QByteArrayView line) { return takeBodyLine(c, line); });
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
        note(Phrase(staticMetaObject.className(), QT_TR_N_NOOP("(%n bytes of listing or message)"),
            int(m_bodyBytes)));
    }
    Q_EMIT bodyProgressed(m_bodyBytes);
    finishCommand();
    return isReading();
}

// RFC 1939 §4: the greeting is a positive status line.
bool Pop3Session::processGreeting(QByteArrayView line)
{
    note(TranscriptDirection::Server, line.toByteArray());
    const std::optional<StatusLine> status = parseStatusLine(line);
    if (!status) {
        fail(SessionError::ProtocolViolation,
            tr("the server did not greet as a POP3 server does; it said \"%1\"")
                .arg(printable(line)));
        return false;
    }
    if (!status->ok) {
        greetingRefused(status->text);
        return false;
    }
    greetingAccepted();
    Q_EMIT greeted(line.toByteArray());
    writePending();
    return isReading();
}

// RFC 1939 §3 status lines, RFC 5034 §4 continuations during AUTH.
bool Pop3Session::processStatusLine(QByteArrayView line)
{
    if (phase() == Phase::Greeting)
        return processGreeting(line);
    if (!expectReply(line))
        return false;
    Command &c = front();
    if (c.onContinuation) {
        if (const std::optional<QByteArray> challenge = parseContinuation(line)) {
            note(TranscriptDirection::Server, line.toByteArray());
            answerChallenge(c, *challenge);
            return true;
        }
    }
    const std::optional<StatusLine> status = parseStatusLine(line);
    note(TranscriptDirection::Server, line.toByteArray());
    if (!status) {
        fail(SessionError::ProtocolViolation,
            tr("the server answered \"%1\" to %2, which is not a POP3 reply")
                .arg(printable(line), commandName(c)));
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
    const std::unique_ptr<Request> done = takeFrontRequest();
    const Reply reply = std::exchange(m_reply, {});
    const auto &c = static_cast<const Command &>(*done);
    if (c.onReply)
        c.onReply(reply);
    writePending();
}

// A line of a multi-line body: to the command's onLine, or collected within the reply cap.
Status Pop3Session::takeBodyLine(Command &c, QByteArrayView line)
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
    if (phase() == Phase::Closed)
        return; // the handler already ended the session
    fail(error.code == ErrorCode::LimitExceeded ? SessionError::LimitExceeded
                                                : SessionError::ProtocolViolation,
        tr("in its reply to %1, %2").arg(commandName(c), error.message));
}

} // namespace Pop3Connector
