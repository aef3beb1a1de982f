#pragma once

#include "events/transcript.h"
#include "protocol/channel.h"
#include "protocol/pop3parser.h"
#include "protocol/sasl.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace Pop3Connector {

// The POP3 wire protocol over a Channel (RFC 1939, RFC 2449 pipelining): a queue of commands,
// replies matched to them in order, multi-line bodies decoded and streamed, a deadline on every
// wait. It knows nothing of mailboxes or spools; a task above it decides what to send.
//
// A hostile server cannot make it hold much memory or wait for ever:
// - a status line is at most kMaxLine bytes, and so is each line of a listing (onLine) or of a
//   collected reply, which is at most kMaxCollectedReply bytes in all; a message body (onData)
//   is streamed and holds no line;
// - progress floor: from the moment a reply is due, every window of the timeout must either
//   complete it or bring at least kMinBytesPerSecond bytes a second. A server that sends nothing
//   fails after the timeout, as one that trickles a byte a second; a slow but real link (50 KB/s)
//   never comes near the floor.
class Pop3Session : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxLine = 8192;
    static constexpr qsizetype kMaxCollectedReply = 64 * 1024;
    static constexpr qint64 kMinBytesPerSecond = 1024;

    struct Reply
    {
        StatusLine status;
        QList<QByteArray> lines; // body lines of a collected multi-line reply, without CRLF
    };

    struct Command
    {
        QByteArray line; // without CRLF
        QByteArray transcriptLine; // what the transcript shows; empty: the line itself
        bool multiLine = false; // a multi-line body follows a +OK reply
        bool transcribeBody = false; // body lines go to the transcript (CAPA)
        // Streams the body of a multi-line reply; when unset, the body is collected in lines.
        std::function<void(QByteArrayView payload)> onData;
        // Streams a multi-line listing line by line, without CRLF, instead of collecting it. An
        // error ends the session (failed(), LimitExceeded or ProtocolViolation).
        std::function<Status(QByteArrayView line)> onLine;
        std::function<void(const Reply &reply)> onReply;
        // RFC 5034 §4: answers a "+ challenge" line; the transcript shows it as the exchange says.
        SaslContinuation onContinuation;
    };

    // Takes ownership of the channel.
    explicit Pop3Session(Channel *channel, QObject *parent = nullptr);
    ~Pop3Session() override;

    // The progress window: how long a due reply may go without completing or bringing
    // kMinBytesPerSecond bytes a second.
    void setTimeout(int milliseconds);
    // With RFC 2449 PIPELINING several commands are written before their replies arrive.
    void setPipelining(bool enabled);
    void setTranscriptEnabled(bool enabled) { m_transcriptEnabled = enabled; }

    // Connects and reads the greeting, reported by greeted().
    void open(const QString &host, quint16 port, bool implicitTls);
    void send(Command command);
    // RFC 2595 §4: switches to TLS right after the +OK to STLS, reported by tlsEstablished().
    void startTls();
    bool isEncrypted() const { return m_channel->isEncrypted(); }
    // Commands written or waiting whose replies have not arrived yet.
    int pendingCount() const { return static_cast<int>(m_queue.size()); }
    // Closes without waiting: after QUIT's reply, or to give up.
    void close();
    void abort();

Q_SIGNALS:
    void greeted(const QByteArray &greeting);
    void tlsEstablished(const QString &description);
    void failed(const Pop3Connector::SessionFailure &failure);
    void transcriptLine(Pop3Connector::TranscriptDirection direction, const QByteArray &line);
    // Bytes of payload received so far, for progress.
    void bodyProgressed(qint64 bytes);

private:
    enum class Phase { Idle, Connecting, Greeting, Open, StartingTls, Closed };

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onChannelFailed(ChannelError error, const QString &detail);
    void onTimeout();

    void writePending();
    bool processBuffer();
    bool processStatusLine(QByteArrayView line);
    void finishCommand();
    void fail(SessionError error, const QString &detail);
    void note(TranscriptDirection direction, const QByteArray &line);
    void startWindow();
    Status takeLine(Command &c, QByteArrayView line);
    void failOnLine(const Command &c, const Error &error);

    Channel *m_channel;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    bool m_pipelining = false;
    bool m_transcriptEnabled = false;

    std::deque<Command> m_queue; // front: the command whose reply is being read
    size_t m_written = 0; // how many of m_queue have been written
    QByteArray m_buffer; // received, not yet processed
    qsizetype m_bufferPos = 0;

    bool m_inBody = false;
    bool m_awaitingContinuation = false;
    Reply m_reply;
    MultiLineDecoder m_decoder;
    QByteArray m_payload;
    LineSplitter m_lines {kMaxLine}; // listings and collected bodies, line by line
    qsizetype m_collectedBytes = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_windowBytes = 0; // received since the progress window began
};

} // namespace Pop3Connector
