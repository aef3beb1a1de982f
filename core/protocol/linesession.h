#pragma once

#include "base/phrase.h"
#include "events/transcript.h"
#include "protocol/channel.h"
#include "protocol/sasl.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace Pop3Connector {

// Why a protocol session over a channel ended before its conversation did.
enum class SessionError {
    HostNotFound,
    ConnectionRefused,
    Network,
    Dropped, // the server closed the connection while a reply was due
    TlsCertificate,
    TlsHandshake,
    Timeout, // no reply, or one arriving slower than the progress floor
    ProtocolViolation,
    LimitExceeded, // a reply or a line beyond the session's caps
};

struct SessionFailure
{
    SessionError error;
    QString detail;
};

// What a channel's failure means to a protocol session.
SessionError sessionErrorFor(ChannelError error);

// The length of the first line of `input` with its LF; 0 while its LF has not come yet; -1 once
// more than `maxLength` bytes stand before its LF (a CR counts, the LF does not).
qsizetype lineLength(QByteArrayView input, qsizetype maxLength);

// Whether a deadline window of `windowMs` that brought `bytes` earns another: at least
// `minBytesPerSecond` a second, and never less than one byte.
bool keepsProgressFloor(qint64 bytes, int windowMs, qint64 minBytesPerSecond);

// Whether the next queued request may be written while `inFlight` wait for their replies: one
// at a time, or up to `maxPipelined` with pipelining, and never behind a barrier.
bool mayWriteNext(qsizetype inFlight, bool pipelining, qsizetype maxPipelined, bool behindBarrier);

// A line protocol's conversation over a Channel, whatever the protocol: connecting (implicit TLS,
// RFC 8314), the greeting, requests written in order (pipelined when the server allows it,
// RFC 2449 §6.6, RFC 2920) and their replies awaited in order, SASL challenges answered and
// masked, STLS or STARTTLS, a deadline on every wait, the transcript, and failure. It knows no
// reply grammar: Pop3Session and SmtpConnection derive from it, read its input in their
// readInput() and finish its requests as their replies complete.
//
// Derived from rather than held as a member: each protocol is this conversation with a grammar
// of its own. Its owner talks to one object, whose failed(), transcriptLine() and
// tlsEstablished() are the session's own rather than forwarded; and the grammar works on the
// queue and the input through protected members that a held object would have to make public.
//
// A server cannot make it wait for ever or hold much memory:
// - a status or reply line is at most kMaxLine bytes (takeLine());
// - progress floor: from the moment something is due from the server (the connection, the TLS
//   handshake, the greeting, a reply), every window of the timeout must either complete it or
//   bring progress: bytes received (and bytes sent, for a protocol that streams a body out) at
//   the protocol's floor, setMinBytesPerSecond(). A server that sends nothing fails after the
//   timeout, and, with a floor, so does one that trickles a byte a second.
class LineSession : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxLine = 8192;
    static constexpr qsizetype kMaxPipelined = 1000;

    // A command, and what it takes to write it. A protocol derives its own command from it.
    struct Request
    {
        virtual ~Request() = default;

        QByteArray line; // without CRLF; empty: a body the protocol writes (writeBody())
        QByteArray transcriptLine; // what the transcript shows; empty: the line itself
        // Nothing after it is written until its replies are in (RFC 2920 §3.1). STLS or
        // STARTTLS and an AUTH exchange always are.
        bool barrier = false;
        // RFC 4954 §4, RFC 5034 §4: answers the server's challenges; the answers are sent, and
        // the transcript shows them as the exchange says.
        SaslContinuation onContinuation;
    };

    ~LineSession() override;

    // The deadline window: how long something due from the server may take without completing
    // or keeping the progress floor.
    void setTimeout(int milliseconds) { m_timer.setInterval(milliseconds); }
    // With pipelining up to kMaxPipelined requests are written before their replies arrive.
    void setPipelining(bool enabled) { m_pipelining = enabled; }
    void setTranscriptEnabled(bool enabled) { m_transcriptEnabled = enabled; }

    // Connects and reads the greeting, which the protocol reports.
    void open(const QString &host, quint16 port, bool implicitTls);
    // RFC 2595 §4, RFC 3207 §4.2: switches to TLS right after the server agreed to it; reported
    // by tlsEstablished().
    void startTls();
    bool isEncrypted() const { return m_channel->isEncrypted(); }
    // Requests written or waiting whose replies have not arrived yet.
    int pendingCount() const { return int(m_queue.size()); }
    // Closes without waiting: after the reply to QUIT, or to give up.
    void close();
    // Drops the connection at once.
    void abort();

Q_SIGNALS:
    void tlsEstablished(const QString &description);
    void failed(const Pop3Connector::SessionFailure &failure);
    void transcriptLine(Pop3Connector::TranscriptDirection direction, const QByteArray &line);
    // Right after the transcriptLine() of a note (its English), the note as a sentence that a
    // reader in another language can read.
    void noted(const Pop3Connector::Phrase &note);

protected:
    enum class Phase { Idle, Connecting, Greeting, Open, StartingTls, Closed };

    // Takes ownership of the channel. `startTlsCommand` names the command after which the
    // protocol switches to TLS (a barrier, and named in messages).
    LineSession(Channel *channel, QByteArrayView startTlsCommand, QObject *parent);

    // Bytes a second that keep a window open; 0: any byte does.
    void setMinBytesPerSecond(qint64 bytesPerSecond) { m_minBytesPerSecond = bytesPerSecond; }

    // The grammar: consumes input() as far as it can. Called after each chunk received while
    // the session reads (the greeting, and once open).
    virtual void readInput() = 0;
    // Writes a request without a line (a message body); true once it is written whole. Called
    // again, as the protocol asks with writePending(), until it is. The default writes nothing:
    // a protocol without bodies sends no request without a line.
    virtual bool writeBody(Request &request);

    Phase phase() const { return m_phase; }
    // The greeting or a reply can arrive: input is the grammar's.
    bool isReading() const { return m_phase == Phase::Greeting || m_phase == Phase::Open; }
    Channel *channel() const { return m_channel; }

    // Received and not yet consumed.
    QByteArrayView input() const { return QByteArrayView(m_input).sliced(m_inputPos); }
    void consumeInput(qsizetype bytes) { m_inputPos += bytes; }
    // The next whole line of input without its line end, consumed; nothing while it is not all
    // here, or when it is longer than kMaxLine (then the session has failed).
    std::optional<QByteArray> takeLine();

    // The greeting was good: the session is open. The protocol announces it, then writes what
    // is queued (writePending()).
    void greetingAccepted();
    // The greeting was a refusal.
    void greetingRefused(QByteArrayView text);

    // Queues a request; it is written as soon as the window and the barriers allow.
    void enqueue(std::unique_ptr<Request> request);
    // Writes what the pipelining window and the barriers allow.
    void writePending();
    // Checks that a reply is due before `received` is taken as one; fails the session if not.
    bool expectReply(QByteArrayView received);
    // The request whose reply is being read. Only while a reply is due.
    Request &frontRequest() { return *m_queue.front(); }
    // Ends the front request: its reply is complete. The deadline moves on to the next reply.
    std::unique_ptr<Request> takeFrontRequest();
    // Answers a SASL challenge of the front request.
    void answerChallenge(Request &request, const QByteArray &base64Challenge);

    // Writes bytes as they are (a body); the deadline runs from here when it did not already.
    void writeRaw(const QByteArray &bytes);
    // Bytes the protocol sent that the network took: progress, as bytes received are.
    void noteProgress(qint64 bytes) { m_windowBytes += bytes; }

    // Ends the session: the detail goes to the transcript, the connection is dropped, and
    // failed() is emitted once.
    void fail(SessionError error, const QString &detail);
    // A transcript line, when the transcript is enabled.
    void note(TranscriptDirection direction, const QByteArray &line);
    // A line of the transcript's own ("* "): its English, then the phrase (noted()).
    void note(const Phrase &text);
    // The command's first word ("RETR"), for messages.
    static QString commandName(const Request &request);
    // At most 120 bytes of what a server sent, control bytes as "?", for messages.
    static QString printable(QByteArrayView bytes);

private:
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onChannelFailed(ChannelError error, const QString &detail);
    void onTimeout();
    void startWindow();
    void shutDown();
    bool isBarrier(const Request &request) const;
    QString waitingFor() const;

    Channel *m_channel;
    QByteArray m_startTlsCommand;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    bool m_pipelining = false;
    bool m_transcriptEnabled = false;
    qint64 m_minBytesPerSecond = 0;
    qint64 m_windowBytes = 0; // progress since the deadline window began

    std::deque<std::unique_ptr<Request>> m_queue; // front: the request whose reply is read
    size_t m_written = 0; // how many of m_queue have been written
    QByteArray m_input; // received; consumed up to m_inputPos
    qsizetype m_inputPos = 0;
};

} // namespace Pop3Connector
