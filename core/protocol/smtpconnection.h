#pragma once

#include "events/transcript.h"
#include "protocol/channel.h"
#include "protocol/sasl.h"
#include "protocol/smtpprotocol.h"

#include <QFile>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace Pop3Connector {

// The SMTP/LMTP wire protocol over a Channel (RFC 5321, RFC 2033, RFC 2920 pipelining): commands
// queued and written in groups, replies (multi-line, and several per command for LMTP's end of
// data) matched to them in order, message bodies streamed from files with flow control, a
// timeout on every wait. A task above it decides what to send.
class SmtpConnection : public QObject
{
    Q_OBJECT
public:
    struct Command
    {
        QByteArray line; // without CRLF; empty for a body
        QByteArray transcriptLine; // what the transcript shows; empty: the line itself
        int replies = 1;
        // Nothing after this command is written until its replies are in (EHLO, STARTTLS,
        // AUTH, DATA, QUIT: RFC 2920 §3.1).
        bool barrier = false;
        // A body: the file's bytes from `bodyOffset` on, encoded for DATA (RFC 5321 §4.5.2).
        QString bodyPath;
        qint64 bodyOffset = 0;
        std::function<void(const QList<SmtpReply> &replies)> onReplies;
        // RFC 4954 §4: answers a 334 challenge during AUTH; the transcript shows it as the
        // exchange says.
        SaslContinuation onContinuation;
    };

    explicit SmtpConnection(Channel *channel, QObject *parent = nullptr);
    ~SmtpConnection() override;

    void setTimeout(int milliseconds) { m_timer.setInterval(milliseconds); }
    void setPipelining(bool enabled) { m_pipelining = enabled; }
    void setTranscriptEnabled(bool enabled) { m_transcriptEnabled = enabled; }

    // Connects and reads the greeting, reported by greeted().
    void open(const QString &host, quint16 port, bool implicitTls);
    void send(Command command);
    // RFC 3207 §4: after the 220 reply to STARTTLS.
    void startTls();
    void close();
    void abort();

Q_SIGNALS:
    void greeted(const Pop3Connector::SmtpReply &reply);
    void tlsEstablished(const QString &description);
    void failed(const Pop3Connector::SessionFailure &failure);
    void transcriptLine(Pop3Connector::TranscriptDirection direction, const QByteArray &line);

private:
    enum class Phase { Idle, Connecting, Greeting, Open, StartingTls, Closed };

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onChannelFailed(ChannelError error, const QString &detail);
    void writePending();
    bool streamBody(Command &command);
    void onReply(const SmtpReply &reply);
    void fail(SessionError error, const QString &detail);
    void note(TranscriptDirection direction, const QByteArray &line);

    Channel *m_channel;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    bool m_pipelining = false;
    bool m_transcriptEnabled = false;
    std::deque<Command> m_queue;
    size_t m_written = 0; // commands of m_queue fully written
    QByteArray m_buffer;
    SmtpReply m_partial;
    QList<SmtpReply> m_collected; // replies so far for the front command
    // The body being streamed.
    std::unique_ptr<QFile> m_body;
    DataEncoder m_encoder;
};

} // namespace Pop3Connector
