#include "protocol/smtpconnection.h"

namespace Pop3Connector {

namespace {
constexpr qint64 kBodyChunk = 256 * 1024;
// Bodies are fed to the socket while less than this waits to be sent: memory stays flat.
constexpr qint64 kWriteWindow = 1024 * 1024;
} // namespace

SmtpConnection::SmtpConnection(Channel *channel, QObject *parent)
    : LineSession(channel, "STARTTLS", parent)
{
    connect(this->channel(), &Channel::bytesWritten, this, [this](qint64 bytes) {
        if (phase() != Phase::Open)
            return;
        noteProgress(bytes); // the server is taking data: not a stall
        writePending();
    });
}

SmtpConnection::~SmtpConnection() = default;

void SmtpConnection::send(Command command)
{
    enqueue(std::make_unique<Command>(std::move(command)));
}

// Returns true once the whole body and its final "." are written.
bool SmtpConnection::writeBody(Request &request)
{
    const auto &c = static_cast<const Command &>(request);
    if (!m_body) {
        m_body = std::make_unique<QFile>(c.bodyPath);
        if (!m_body->open(QIODevice::ReadOnly) || !m_body->seek(c.bodyOffset)) {
            fail(SessionError::ProtocolViolation,
                tr("cannot read %1: %2").arg(c.bodyPath, m_body->errorString()));
            return false;
        }
        m_encoder = DataEncoder();
        note(Phrase(staticMetaObject.className(), QT_TR_NOOP("(message body)")));
    }
    QByteArray out;
    while (channel()->bytesToWrite() < kWriteWindow) {
        const QByteArray chunk = m_body->read(kBodyChunk);
        out.clear();
        if (chunk.isEmpty()) {
            m_encoder.finish(out);
            writeRaw(out);
            m_body.reset();
            return true;
        }
        m_encoder.encode(chunk, out);
        writeRaw(out);
    }
    return false;
}

// RFC 5321 §4.2: lines of one code, the last with a space after it, make a reply.
void SmtpConnection::readInput()
{
    while (const std::optional<QByteArray> line = takeLine()) {
        note(TranscriptDirection::Server, *line);
        const std::optional<SmtpReplyLine> parsed = parseSmtpReplyLine(*line);
        if (!parsed || (!m_partial.lines.isEmpty() && parsed->code != m_partial.code)) {
            fail(SessionError::ProtocolViolation,
                tr("the server sent \"%1\", which is not an SMTP reply").arg(printable(*line)));
            return;
        }
        m_partial.code = parsed->code;
        m_partial.lines.append(parsed->text);
        if (!parsed->last)
            continue;
        onReply(std::exchange(m_partial, {}));
        if (!isReading())
            return;
    }
}

void SmtpConnection::onReply(const SmtpReply &reply)
{
    // RFC 5321 §4.3.1: 220 greets, anything else refuses.
    if (phase() == Phase::Greeting) {
        if (reply.code != 220) {
            greetingRefused(reply.text());
            return;
        }
        greetingAccepted();
        Q_EMIT greeted(reply);
        writePending();
        return;
    }
    if (!expectReply(reply.text()))
        return;
    Command &c = front();
    if (c.onContinuation && reply.code == 334) {
        answerChallenge(c, reply.lines.value(0).trimmed());
        return;
    }
    m_collected.append(reply);
    if (m_collected.size() < c.replies)
        return;
    const std::unique_ptr<Request> done = takeFrontRequest();
    const QList<SmtpReply> replies = std::exchange(m_collected, {});
    const auto &command = static_cast<const Command &>(*done);
    if (command.onReplies)
        command.onReplies(replies);
    writePending();
}

} // namespace Pop3Connector
