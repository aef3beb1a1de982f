#pragma once

#include "configuration.h"
#include "event.h"
#include "messagemetadata.h"
#include "pickupenvelope.h"
#include "pop3session.h"
#include "smtpprotocol.h"
#include "spool.h"

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
// many messages on one connection, each transaction pipelined where the server allows. A
// recipient accepted is done; 4xx leaves the message in PickUp with a growing back-off; 5xx moves
// the message, with only the rejected recipients and the server's reply, to BadMail. A PickUp
// file is removed as soon as the final reply is read, the only window in which a crash could
// deliver a message twice. Runs on a worker thread.
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
    enum class Outcome { Delivered, Deferred, Rejected };

    void hello();
    void onHello(const QList<SmtpReply> &replies, bool afterTls, bool triedHelo);
    void authenticate();
    void advance();
    void startTransaction();
    void onDataReply(const std::shared_ptr<Job> &job, const SmtpReply &reply);
    void onFinalReplies(const std::shared_ptr<Job> &job, const QList<SmtpReply> &replies);
    void apply(
        const std::shared_ptr<Job> &job, const QList<std::pair<QString, SmtpReply>> &results);
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
    DispatchReport m_report;
    bool m_finished = false;
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::DispatchReport)
