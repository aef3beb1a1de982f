#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "events/transcript.h"
#include "pipeline/dispatch/deliverypolicy.h"
#include "pipeline/dispatch/dispatchreport.h"
#include "pipeline/dispatch/pickupshare.h"
#include "protocol/channel.h"
#include "protocol/smtpprotocol.h"
#include "spool/spool.h"

#include <QObject>

#include <deque>
#include <functional>
#include <memory>

namespace Pop3Connector {

class SmtpConnection;

// One connection to the local server, by SMTP or LMTP, delivering a share of PickUp
// (docs/design.md "Dispatch"): many messages on it, each transaction pipelined where the server
// allows. MAIL FROM and RCPT TO are made only from the MailAddress values of the envelope, read
// whole. A file's recipients go in transactions of at most
// DeliveryPolicy::kMaxRecipientsPerTransaction; what a reply means for each of them is
// DeliveryPolicy's, what then becomes of the file PickupShare's. The file leaves PickUp when
// every recipient has a final answer; between two transactions of one file its sidecar records
// who has the message, so that a crash delivers at most one transaction twice. Runs on a worker
// thread.
class DeliverySession : public QObject
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
        // Makes the session's removals from PickUp durable, shared with the other sessions on
        // its thread; none: the session has a sync of its own.
        PickupSync *pickupSync = nullptr;
        std::shared_ptr<MessageJournal> journal; // none: nothing is tracked
        // The PickUp messages this session delivers; empty: all of them. Several sessions
        // deliver disjoint shares of PickUp over connections of their own.
        QStringList names;
    };

    explicit DeliverySession(Setup setup, QObject *parent = nullptr);
    ~DeliverySession() override;

    // Connects, if any of its files is due, and delivers them; finished() at the end.
    void start();
    // Ends after the transaction in flight.
    void requestStop();
    // Drops the connection now; what was not delivered waits in PickUp.
    void cancel();

Q_SIGNALS:
    void eventRaised(const Pop3Connector::Event &event);
    // The conversation, when Setup::transcript is on.
    void transcriptLine(Pop3Connector::TranscriptDirection direction, const QByteArray &line);
    void progressed(int done, int total);
    void finished(const Pop3Connector::DispatchReport &report);

private:
    // Where the conversation is (RFC 5321 §3, RFC 2033 §4). onInput() makes every change of it
    // but authenticate()'s, into Authenticating and on to Transacting.
    enum class State {
        Idle,
        Connecting, // waiting for the greeting
        Hello, // EHLO or LHLO sent (again after STARTTLS)
        Helo, // HELO sent: an old server refused EHLO
        StartingTls, // STARTTLS sent, then the handshake
        Authenticating,
        Transacting, // MAIL, RCPT, DATA and bodies, as long as there is work
        Quitting,
        Done
    };
    // What moves the conversation on.
    struct Input
    {
        enum class Kind {
            Start,
            Greeted,
            Replied, // to the command the state waits for: `reply`
            TlsEstablished,
            Ready, // Transacting: room for another transaction, or one ended
            StopRequested,
            Failed, // `failureId`, `failure`
        };
        Kind kind;
        SmtpReply reply = {};
        EventId failureId = EventId::LocalServerSessionFailed;
        Phrase failure = {};
    };
    struct Job;
    struct Transaction;

    // The step function. Failed ends the conversation from any state; otherwise the input a
    // state waits for moves it on and any other is ignored (a stop waits for Transacting).
    void onInput(const Input &input);
    void connectToServer();
    // Sends a command whose reply is the one the state waits for.
    void sendAwaited(const QByteArray &line);
    void authenticate();
    void advance();
    void failSession(EventId id, const Phrase &text);

    std::shared_ptr<Job> nextJob();
    void startTransaction(const std::shared_ptr<Job> &job);
    void onDataReplied(const std::shared_ptr<Transaction> &tx, const SmtpReply &reply);
    // Takes each recipient's verdict: done, deferred, or into the job's next transaction.
    void onTransactionEnded(const std::shared_ptr<Transaction> &tx);
    void finish();
    void raise(EventId id, const Phrase &text, const QString &message = {});

    Setup m_setup;
    State m_state = State::Idle;
    PickupShare *m_share;
    SmtpConnection *m_connection = nullptr;
    SmtpExtensions m_extensions;
    bool m_lmtp = false;
    bool m_tls = false; // STARTTLS done
    bool m_stop = false;
    bool m_transactionOpen = false; // MAIL sent, DATA's reply not yet in
    int m_inFlight = 0;
    std::deque<std::shared_ptr<Job>> m_continuing; // files with recipients for another transaction
    EventId m_failureId = EventId::DispatchFinished;
    QString m_failure;
};

} // namespace Pop3Connector
