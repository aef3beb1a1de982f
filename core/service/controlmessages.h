#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "events/reports.h"
#include "spool/spoolbrowser.h"

#include <QCborArray>
#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Pop3Connector::Control {

// What the control channel's messages carry, typed, both ways (docs/control-protocol.md): the
// service encodes its events, progress, reports and spool listings with these functions, and a
// client decodes them with the same ones. Decoding is lenient: a key that is missing or of
// another type gives the field's default, so an older client reads a newer service.

// Method names (a request's `name`).
namespace Method {
inline const QString Status = QStringLiteral("status");
inline const QString RetrieveNow = QStringLiteral("retrieveNow");
inline const QString Cancel = QStringLiteral("cancel");
inline const QString Delivery = QStringLiteral("delivery");
inline const QString Configuration = QStringLiteral("configuration");
inline const QString SetConfiguration = QStringLiteral("setConfiguration");
inline const QString SetPassword = QStringLiteral("setPassword");
inline const QString ClearPassword = QStringLiteral("clearPassword");
inline const QString StoreSignIn = QStringLiteral("storeSignIn");
inline const QString TestConnection = QStringLiteral("testConnection");
inline const QString TestDelivery = QStringLiteral("testDelivery");
inline const QString TrustCertificate = QStringLiteral("trustCertificate");
inline const QString SpoolList = QStringLiteral("spoolList");
inline const QString SpoolPreview = QStringLiteral("spoolPreview");
inline const QString SpoolRequeue = QStringLiteral("spoolRequeue");
inline const QString SpoolDelete = QStringLiteral("spoolDelete");
inline const QString SpoolExport = QStringLiteral("spoolExport");
inline const QString SpoolSendToUndeliverable = QStringLiteral("spoolSendToUndeliverable");
inline const QString Events = QStringLiteral("events");
inline const QString Subscribe = QStringLiteral("subscribe");
inline const QString Diagnostics = QStringLiteral("diagnostics");
inline const QString Diagnose = QStringLiteral("diagnose");
inline const QString Track = QStringLiteral("track");
} // namespace Method

// Notification topics (a notification's `name`, a subscription's `topics`).
namespace Topic {
inline const QString Event = QStringLiteral("event");
inline const QString Progress = QStringLiteral("progress");
inline const QString Stage = QStringLiteral("stage");
inline const QString Cycle = QStringLiteral("cycle");
inline const QString Spool = QStringLiteral("spool");
QStringList all();
} // namespace Topic

QCborMap toCbor(const Event &event);
Event eventFromCbor(const QCborMap &map);

QCborMap toCbor(const MailboxProgress &progress);
MailboxProgress progressFromCbor(const QCborMap &map);

QCborMap toCbor(const RetrievalReport &report);
RetrievalReport retrievalFromCbor(const QCborMap &map);

QCborMap toCbor(const MessageSummary &summary);
MessageSummary summaryFromCbor(const QCborMap &map);

// Each problem's `file`, `line`, `key`, `message` and the whole `text`.
QCborArray toCbor(const QList<ConfigProblem> &problems);

// What went wrong with one message of a spool action: `error` in English for scripts and older
// clients, and `errorPhrase` for a reader's own language; back, the phrase (or the text alone,
// from an older service).
void insertError(QCborMap &result, const Phrase &error);
Phrase errorOf(const QCborMap &result);

// A line of testConnection's `transcript` as a reader sees it, without its "C: " or "S: ": the
// line as it was said, or a note of the connector's own as its phrase when it came with one.
Phrase transcriptText(const QCborMap &line);

// "incoming", "failed", "pickup", "badmail" on the wire; folderFromKey also takes the folders'
// names ("Failed Mail"), in any case.
QString folderKey(SpoolFolder folder);
std::optional<SpoolFolder> folderFromKey(const QString &key);

// The words of enumerations on the wire, for scripts reading --json.
QString severityKey(Severity severity);
QString outcomeKey(RetrievalReport::Outcome outcome);

// What a finished cycle did, as the `cycle` notification and retrieve-now --wait report it.
struct CycleOutcome
{
    struct Problem
    {
        QString subject; // "mailbox sales", "delivery", "transfer"
        EventId event = EventId::CycleFinished;
        QString text;
    };
    quint64 id = 0;
    QDateTime started;
    QDateTime finished;
    QList<RetrievalReport> mailboxes;
    QList<Problem> problems;
    int routed = 0;
    int delivered = 0;
    int rejected = 0;
    int deferred = 0;

    bool succeeded() const { return problems.isEmpty(); }
};
QCborMap toCbor(const CycleOutcome &cycle);
CycleOutcome cycleFromCbor(const QCborMap &map);

} // namespace Pop3Connector::Control
