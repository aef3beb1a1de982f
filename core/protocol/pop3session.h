#pragma once

#include "protocol/linesession.h"
#include "protocol/pop3parser.h"

#include <QByteArray>

#include <functional>

namespace Pop3Connector {

// The POP3 wire protocol (RFC 1939, RFC 2449 pipelining) on a LineSession: status lines matched
// to commands in order, multi-line bodies decoded and streamed. It knows nothing of mailboxes or
// spools; a task above it decides what to send.
//
// A hostile server cannot make it hold much memory or wait for ever: besides the session's line
// cap, each line of a listing (onLine) or of a collected reply is at most kMaxLine bytes, and a
// collected reply at most kMaxCollectedReply in all; a message body (onData) is streamed and
// holds no line. The progress floor is kMinBytesPerSecond: a slow but real link (50 KB/s) never
// comes near it.
class Pop3Session : public LineSession
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxCollectedReply = 64 * 1024;
    static constexpr qint64 kMinBytesPerSecond = 1024;

    struct Reply
    {
        StatusLine status;
        QList<QByteArray> lines; // body lines of a collected multi-line reply, without CRLF
    };

    // A command; STLS and AUTH (with onContinuation) wait for their reply before the next.
    struct Command : Request
    {
        bool multiLine = false; // a multi-line body follows a +OK reply
        bool transcribeBody = false; // body lines go to the transcript (CAPA)
        // Streams the body of a multi-line reply; when unset, the body is collected in lines.
        std::function<void(QByteArrayView payload)> onData;
        // Streams a multi-line listing line by line, without CRLF, instead of collecting it. An
        // error ends the session (failed(), LimitExceeded or ProtocolViolation).
        std::function<Status(QByteArrayView line)> onLine;
        std::function<void(const Reply &reply)> onReply;
    };

    // Takes ownership of the channel.
    explicit Pop3Session(Channel *channel, QObject *parent = nullptr);
    ~Pop3Session() override;

    void send(Command command);

Q_SIGNALS:
    void greeted(const QByteArray &greeting);
    // Bytes of payload received so far, for progress.
    void bodyProgressed(qint64 bytes);

private:
    void readInput() override;
    bool readBody();
    bool processStatusLine(QByteArrayView line);
    bool processGreeting(QByteArrayView line);
    void finishCommand();
    Status takeBodyLine(Command &c, QByteArrayView line);
    bool finishBody(Command &c);
    void failOnLine(const Command &c, const Error &error);
    Command &front() { return static_cast<Command &>(frontRequest()); }

    bool m_inBody = false;
    Reply m_reply;
    MultiLineDecoder m_decoder;
    QByteArray m_payload;
    LineSplitter m_lines {kMaxLine}; // listings and collected bodies, line by line
    qsizetype m_collectedBytes = 0;
    qint64 m_bodyBytes = 0;
};

} // namespace Pop3Connector
