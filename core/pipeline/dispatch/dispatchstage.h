#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "protocol/pop3session.h"
#include "protocol/smtpprotocol.h"
#include "spool/messagemetadata.h"
#include "spool/pickupenvelope.h"
#include "spool/spool.h"

#include <QObject>

#include <deque>
#include <functional>
#include <memory>

namespace Pop3Connector {

class SmtpConnection;

struct DispatchReport
{
    int delivered = 0; // messages every recipient of which was accepted
    int deferred = 0; // messages left in PickUp for a later attempt
    int rejected = 0; // messages (or recipients of them) moved to BadMail
    int waiting = 0; // in PickUp but not due yet (backing off)
    EventId failureId = EventId::DispatchFinished;
    QString failure; // the session with the local server failed; mail waits in PickUp
};

// Stage 3 (DESIGN.md "Dispatch"): delivers the PickUp folder to the local server by SMTP or LMTP,
// many messages on one connection, each transaction pipelined where the server allows. MAIL FROM
// and RCPT TO are made only from the MailAddress values of the envelope, read whole. A file's
// recipients go in transactions of at most kMaxRecipientsPerTransaction; one the server has no
// room for in this transaction (452, or 552, RFC 5321 §4.5.3.1.10) goes in the next one. A
// recipient accepted is done; 4xx leaves it in PickUp with a growing back-off; 5xx moves the
// message, with only the rejected recipients and the server's reply, to BadMail. The file leaves
// PickUp when every recipient has a final answer; between two transactions of one file its
// sidecar records who has the message, so that a crash delivers at most one transaction twice.
// Runs on a worker thread.
class DispatchStage : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        Spool spool;
        DeliverySettings delivery;
        QByteArray password; // SMTP AUTH, when delivery.user is set
        int timeoutMs = 60000;
        LogLevel logLevel = LogLevel::Medium;
        bool transcript = false;
        std::function<Channel *()> channelFactory; // test seam
        // The PickUp messages this stage delivers; empty: all of them. Several stages deliver
        // disjoint shares of PickUp over connections of their own.
        QStringList names;
    };

    // Deferred messages are tried again after 1, 2, 4 ... minutes, at most every 30 minutes,
    // and given up (BadMail) after two days.
    static qint64 backoffSeconds(int attempts);
    static constexpr qint64 kGiveUpSeconds = 2 * 24 * 3600;
    // RFC 5321 §4.5.3.1.8: a server must take 100 recipients in a transaction.
    static constexpr int kMaxRecipientsPerTransaction = 100;

    explicit DispatchStage(Setup setup, QObject *parent = nullptr);
    ~DispatchStage() override;

    void start();
    // Ends after the transaction in flight.
    void requestStop();
    void cancel();

Q_SIGNALS:
    void eventRaised(const Pop3Connector::Event &event);
    void transcriptLine(
        const QString &who, Pop3Connector::TranscriptDirection direction, const QByteArray &line);
    void progressed(int done, int total);
    void finished(const Pop3Connector::DispatchReport &report);

private:
    enum class State {
        Idle,
        Connecting,
        Hello,
        StartingTls,
        Authenticating,
        Transacting,
        Quitting,
        Done
    };
    struct Job;
    struct Transaction;
    enum class Outcome { Delivered, Deferred, Rejected };

    void hello();
    void onHello(const QList<SmtpReply> &replies, bool afterTls, bool triedHelo);
    void authenticate();
    void advance();
    void startTransaction();
    std::shared_ptr<Job> openJob(const QString &name);
    void onDataReply(const std::shared_ptr<Transaction> &tx, const SmtpReply &reply);
    void onFinalReplies(const std::shared_ptr<Transaction> &tx, const QList<SmtpReply> &replies);
    // Takes each recipient's reply: done, deferred, or into the job's next transaction.
    void finishTransaction(const std::shared_ptr<Transaction> &tx, const QList<SmtpReply> &replies);
    void apply(const std::shared_ptr<Job> &job);
    Status writeCopy(const Job &job, SpoolFolder folder, const QString &name,
        const QStringList &recipients, const MessageMetadata &meta);
    // Removes a message that needs nothing more; a failure is raised as an event.
    Status removeFromPickUp(const Job &job);
    // Returns whether the message is in BadMail now.
    bool toBadMail(
        const Job &job, const QStringList &recipients, const QString &reason, EventId id);
    void quit();
    void failSession(EventId id, const QString &text);
    void finish();
    void raise(EventId id, const QString &text, const QString &message = {});

    Setup m_setup;
    State m_state = State::Idle;
    SmtpConnection *m_connection = nullptr;
    SmtpExtensions m_extensions;
    bool m_lmtp = false;
    bool m_stop = false;
    bool m_transactionOpen = false; // MAIL sent, DATA's reply not yet in
    int m_inFlight = 0;
    int m_total = 0;
    int m_done = 0;
    std::deque<QString> m_pending;
    std::deque<std::shared_ptr<Job>> m_continuing; // files with recipients for another transaction
    DispatchReport m_report;
    bool m_finished = false;
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::DispatchReport)
