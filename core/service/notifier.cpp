#include "service/notifier.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "service/notificationmail.h"
#include "service/servicehost.h"
#include "spool/spoolbrowser.h"

#include <QStorageInfo>

#include <algorithm>

namespace Pop3Connector {

namespace {

constexpr qint64 kMaxStateBytes = 1024 * 1024;

} // namespace

Notifier::Notifier(ServiceHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    connect(host, &ServiceHost::cycleFinished, this, &Notifier::onCycleFinished);
}

QString Notifier::statePath(const QString &spoolStatePath)
{
    return spoolStatePath + QStringLiteral("/notifications.json");
}

NotificationState Notifier::readState(const Spool &spool)
{
    const Result<QByteArray> bytes =
        DurableFs::readFile(statePath(spool.statePath()), kMaxStateBytes);
    if (!bytes)
        return {};
    // A damaged file is started afresh: at worst a report is sent again.
    return NotificationPolicy::load(*bytes).value_or(NotificationState());
}

QList<ProblemRecord> Notifier::openProblems(const Spool &spool)
{
    QList<ProblemRecord> out;
    for (const ProblemRecord &r : readState(spool)) {
        if (r.open)
            out.append(r);
    }
    std::sort(out.begin(), out.end(),
        [](const ProblemRecord &a, const ProblemRecord &b) { return a.since < b.since; });
    return out;
}

void Notifier::onCycleFinished(const CycleReport &report)
{
    Connector *connector = m_host->connector();
    const Spool &spool = connector->spool();
    const QString path = statePath(spool.statePath());

    const NotificationState state = readState(spool);

    Observation o;
    o.report = report;
    const SpoolBrowser browser(spool);
    o.failedMail = int(browser.names(SpoolFolder::Failed).size());
    o.badMail = int(browser.names(SpoolFolder::BadMail).size());
    const QStorageInfo disk(spool.root());
    if (disk.isValid()) {
        o.bytesFree = disk.bytesAvailable();
        o.bytesTotal = disk.bytesTotal();
    }

    const QDateTime now = Clock::nowUtc();
    Decision d = NotificationPolicy::decide(state, NotificationPolicy::find(o, state), now);
    const QString administrator = m_host->configuration().connector.administratorAddress;
    int queued = 0;
    for (const ProblemNotice &notice : std::as_const(d.notices)) {
        Status s = administrator.isEmpty() ? Status(Error {ErrorCode::NotFound, QString()})
                                           : NotificationMail::queue(spool, Spool::newMessageName(),
                                               administrator, notice, d.open);
        if (s) {
            ++queued;
            m_host->raise(EventId::NotificationQueued,
                Phrase(staticMetaObject.className(), QT_TR_NOOP("Report to %1 put in PickUp: %2"))
                    .arg(administrator, NotificationMail::subject(notice)));
            continue;
        }
        // Not told: the next cycle tries again, or tells once an address is configured; without
        // one, an end is owed to nobody.
        if (administrator.isEmpty() && notice.kind == ProblemNotice::Kind::Ended)
            continue;
        ProblemRecord &r = d.next[notice.problem.key];
        r.problem = notice.problem;
        r.open = notice.kind == ProblemNotice::Kind::Started;
        r.since = notice.since;
        r.told = !r.open;
        r.lastTold = state.value(notice.problem.key).lastTold;
        if (!administrator.isEmpty())
            m_host->raise(EventId::NotificationFailed,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("The report to %1 could not be put in PickUp: %2"))
                    .arg(administrator, s.error().message));
    }
    if (d.next != state || queued > 0) {
        if (const Status saved = DurableFs::writeAtomically(path, NotificationPolicy::save(d.next));
            !saved)
            m_host->raise(EventId::NotificationFailed, saved.error().message);
    }
    Q_EMIT problemsChanged(d);
    // Delivered now rather than at the next cycle, unless delivery is off or this cycle ran it.
    if (queued > 0 && m_host->isDispatchEnabled())
        QMetaObject::invokeMethod(
            this, [this] { m_host->connector()->runCycle(Stage::Dispatch); }, Qt::QueuedConnection);
}

} // namespace Pop3Connector
