#pragma once

#include "protocol/linesession.h"
#include "protocol/smtpprotocol.h"

#include <QFile>

#include <functional>
#include <memory>

namespace Pop3Connector {

// The SMTP/LMTP wire protocol (RFC 5321, RFC 2033, RFC 2920 pipelining) on a LineSession:
// replies (multi-line, and several per command for LMTP's end of data) matched to commands in
// order, and message bodies streamed from files with flow control. Any byte received or sent
// keeps a deadline window open: the office's server is trusted to answer, not to answer fast.
// A task above it decides what to send.
class SmtpConnection : public LineSession
{
    Q_OBJECT
public:
    // A command, or with bodyPath a message body. Set barrier on those after which nothing may
    // be written until their replies are in (EHLO, STARTTLS, DATA, QUIT: RFC 2920 §3.1).
    struct Command : Request
    {
        int replies = 1;
        // A body: the file's bytes from `bodyOffset` on, encoded for DATA (RFC 5321 §4.5.2).
        QString bodyPath;
        qint64 bodyOffset = 0;
        std::function<void(const QList<SmtpReply> &replies)> onReplies;
    };

    // Takes ownership of the channel.
    explicit SmtpConnection(Channel *channel, QObject *parent = nullptr);
    ~SmtpConnection() override;

    void send(Command command);

Q_SIGNALS:
    void greeted(const Pop3Connector::SmtpReply &reply);

private:
    void readInput() override;
    bool writeBody(Request &request) override;
    void onReply(const SmtpReply &reply);
    Command &front() { return static_cast<Command &>(frontRequest()); }

    SmtpReply m_partial;
    QList<SmtpReply> m_collected; // replies so far for the front command
    // The body being streamed.
    std::unique_ptr<QFile> m_body;
    DataEncoder m_encoder;
};

} // namespace Pop3Connector
