#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "spool/spool.h"
#include "spool/trackingrecord.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace Pop3Connector {

class DeliveryHistory;
class MessageJournal;

struct TransferReport
{
    int routed = 0; // put in PickUp
    int undeliverable = 0; // of which to the undeliverable-mail mailbox
    int failed = 0; // moved to Failed Mail
    int duplicates = 0; // delivered before to every recipient: not again
    QString error; // the stage itself could not work (spool unwritable)

    // Counts `other` in (a cycle's rounds); of two errors, the first is the one kept.
    void add(const TransferReport &other)
    {
        routed += other.routed;
        undeliverable += other.undeliverable;
        failed += other.failed;
        duplicates += other.duplicates;
        if (error.isEmpty())
            error = other.error;
    }
};

// Stage 2 (DESIGN.md "Transfer"): takes each message in Incoming Mail, decides its local
// recipients, and writes it to PickUp with the pickup envelope and a Received: trace line, the
// message bytes otherwise untouched. What cannot be read or routed goes to Failed Mail with the
// reason; one bad message never holds up the others. Messages are prepared in parallel and
// committed in batches (one sync for many files). Runs on a worker thread.
class TransferStage : public QObject
{
    Q_OBJECT
public:
    TransferStage(const Spool &spool, const Configuration &configuration,
        std::shared_ptr<DeliveryHistory> history, QObject *parent = nullptr);
    ~TransferStage() override;

    void setConfiguration(const Configuration &configuration);
    // Each batch appends a Routed, Failed or duplicate record for every message it settled.
    void setJournal(std::shared_ptr<MessageJournal> journal) { m_journal = std::move(journal); }
    // Processes every message in Incoming Mail now, after handOver(); emits finished().
    void run();
    // With transport = pickup, rewrites the PickUp files written with their sidecar at the top
    // (while the connector delivered PickUp itself) in the format the other MTA reads; a failure
    // is an event, and the file waits as it was. Only while no run is under way.
    void handOver();
    // Thread-safe: stops after the current batch.
    void requestStop() { m_stop = true; }

Q_SIGNALS:
    void eventRaised(const Pop3Connector::Event &event);
    void progressed(int done, int total);
    void finished(const Pop3Connector::TransferReport &report);

private:
    struct Prepared;
    Prepared prepare(const QString &name);
    void commit(QList<Prepared> &batch, TransferReport &report);
    void fail(const Prepared &p, TransferReport &report);
    void track(const Prepared &p, TrackingRecord::Kind kind, const QString &detail);
    void raise(
        EventId id, const Phrase &text, const QString &mailbox = {}, const QString &message = {});

    Spool m_spool;
    Configuration m_configuration;
    std::shared_ptr<DeliveryHistory> m_history;
    std::shared_ptr<MessageJournal> m_journal;
    QList<TrackingRecord> m_tracked; // of the batch being committed
    QString m_hostName;
    std::atomic<bool> m_stop = false;
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::TransferReport)
