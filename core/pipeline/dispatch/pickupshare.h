#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "pipeline/dispatch/deliverypolicy.h"
#include "pipeline/dispatch/dispatchreport.h"
#include "pipeline/dispatch/pickupfiles.h"
#include "pipeline/dispatch/pickupsync.h"
#include "protocol/smtpprotocol.h"
#include "spool/spool.h"
#include "spool/trackingrecord.h"

#include <QObject>

#include <deque>
#include <memory>
#include <optional>

namespace Pop3Connector {

class MessageJournal;

// The share of PickUp one delivery session delivers: which of its files are due, each opened
// for delivery or dealt with at once when the server cannot take it, and each settled once its
// recipients have their answers: removed, kept for a later attempt, or copied to BadMail, as
// DeliveryPolicy says and through PickupFiles. Every outcome is an event for the administrator
// and a count in report(). Lives on the session's thread.
class PickupShare : public QObject
{
    Q_OBJECT
public:
    // A file opened for delivery.
    struct Opened
    {
        PickupFile file;
        QList<MailAddress> recipients; // those still to deliver to
        QByteArray mailParameters; // of MAIL FROM
    };

    // `sync` makes its removals durable, with those of other shares; none: a sync of its own.
    PickupShare(Spool spool, QString host, LogLevel logLevel, PickupSync *sync = nullptr,
        QObject *parent = nullptr);

    // Each outcome also becomes a record of the message journal, appended by finish().
    void setJournal(std::shared_ptr<MessageJournal> journal) { m_journal = std::move(journal); }
    // Takes the files `names` (empty: all of PickUp); those backing off count as waiting.
    void collect(const QStringList &names);
    // Files due: all collected, and those not opened yet.
    int total() const { return m_total; }
    int pendingCount() const { return int(m_pending.size()); }
    bool hasPending() const { return !m_pending.empty(); }
    // The next pending file a server with `extensions` can take; nothing when none is left.
    // Files it passes over are settled here (BadMail, or removed when every recipient had it).
    std::optional<Opened> openNext(const SmtpExtensions &extensions);

    // The server accepted `file` for `recipients`: told at once (DurableFs::acknowledge).
    void accepted(const PickupFile &file, const QStringList &recipients);
    // Records in `file`'s sidecar that `recipients` have it, before its next transaction.
    void recordDelivered(PickupFile &file, const QStringList &recipients);
    // Every recipient of `file` has its answer, or is `untried` because the session stopped.
    void settle(const PickupFile &file, const QList<DeliveryPolicy::RecipientAnswer> &answers,
        const QList<MailAddress> &untried);
    // Makes the removals so far durable: the session ends.
    void finish();

    // What the administrator is told when a message's files could not be removed from PickUp.
    static Phrase removalFailure(const QString &name, const Error &error);

    // The messages delivered, deferred, rejected and waiting.
    const DispatchReport &report() const { return m_report; }

Q_SIGNALS:
    void eventRaised(const Pop3Connector::Event &event);
    void progressed(int done, int total);

private:
    std::optional<Opened> open(const QString &name, const SmtpExtensions &extensions);
    // Returns whether the file is in BadMail now, after `moved`.
    bool reportBadMail(const Status &moved, const QString &name, const QStringList &recipients,
        const Phrase &reason, EventId id);
    bool toBadMail(
        const PickupFile &file, const QStringList &recipients, const Phrase &reason, EventId id);
    void removeFromPickUp(const PickupFile &file);
    void reportSync(const Status &synced);
    void raise(EventId id, const Phrase &text, const QString &message = {});
    void track(const QString &name, TrackingRecord::Kind kind, const QStringList &recipients,
        const QString &detail);

    Spool m_spool;
    QString m_host;
    LogLevel m_logLevel;
    PickupFiles m_files;
    PickupSync *m_sync;
    std::deque<QString> m_pending;
    int m_total = 0;
    int m_done = 0;
    DispatchReport m_report;
    std::shared_ptr<MessageJournal> m_journal;
    QList<TrackingRecord> m_tracked; // until finish()
};

} // namespace Pop3Connector
