// What a cycle does with each message the server lists, decided from the listings, the ledger
// and the mailbox's settings alone: a table of listings against the plan written out as text.
#include "pipeline/download/retrievalplan.h"

#include <QTest>

using namespace Pop3Connector;

namespace {

constexpr qint64 kNow = 1'700'000'000;
constexpr qint64 kDay = 86400;

// A ledger from a table: "S uid seconds-ago spool-name" for a stored message, "X uid limit-kb"
// for one that outgrew that limit while it streamed.
class TableLedger final : public LedgerView
{
public:
    explicit TableLedger(const QStringList &rows)
    {
        for (const QString &row : rows) {
            const QStringList f = row.split(u' ');
            if (f[0] == u'S')
                m_stored.insert(f[1].toLatin1(), {kNow - f[2].toLongLong(), f[3]});
            else
                m_oversized.insert(f[1].toLatin1(), f[2].toInt());
        }
    }
    std::optional<UidLedger::Entry> stored(const QByteArray &uid) const override
    {
        const auto it = m_stored.constFind(uid);
        return it == m_stored.cend() ? std::nullopt : std::optional(*it);
    }
    std::optional<int> oversizedAt(const QByteArray &uid) const override
    {
        const auto it = m_oversized.constFind(uid);
        return it == m_oversized.cend() ? std::nullopt : std::optional(*it);
    }

private:
    QHash<QByteArray, UidLedger::Entry> m_stored;
    QHash<QByteArray, int> m_oversized;
};

QString reasonName(RetrievalPlan::Reason reason)
{
    switch (reason) {
    case RetrievalPlan::Reason::Kept:
        return QStringLiteral("kept");
    case RetrievalPlan::Reason::NotInUidl:
        return QStringLiteral("not-in-uidl");
    case RetrievalPlan::Reason::TooLarge:
        return QStringLiteral("too-large");
    case RetrievalPlan::Reason::OversizedBefore:
        return QStringLiteral("oversized-before");
    case RetrievalPlan::Reason::Backlog:
        return QStringLiteral("backlog");
    }
    return {};
}

// "1=a" names message 1 by its UIDL; a message without one is its number alone.
QString messageName(int number, qsizetype uidIndex, const UniqueIdListing &uids)
{
    QString name = QString::number(number);
    if (uidIndex >= 0)
        name += u'=' + QString::fromLatin1(uids.uidAt(uidIndex).toByteArray());
    return name;
}

// The plan as one line: "retrieve: 1=a 2=b (30 octets); delete: 3=c@n3; left: 4=d kept".
QString render(const RetrievalPlan &plan, const UniqueIdListing &uids)
{
    QStringList parts;
    if (!plan.retrievals.empty()) {
        QStringList names;
        for (const RetrievalPlan::Retrieval &r : plan.retrievals)
            names.append(messageName(r.number, r.uidIndex, uids));
        parts.append(QStringLiteral("retrieve: %1 (%2 octets)")
                         .arg(names.join(u' '))
                         .arg(plan.octetsToRetrieve()));
    }
    if (!plan.deletions.empty()) {
        QStringList names;
        for (const RetrievalPlan::Deletion &d : plan.deletions)
            names.append(messageName(d.number, d.uidIndex, uids) + u'@' + d.spoolName);
        parts.append(QStringLiteral("delete: ") + names.join(u' '));
    }
    if (!plan.left.empty()) {
        QStringList names;
        for (const RetrievalPlan::Left &l : plan.left)
            names.append(messageName(l.number, l.uidIndex, uids) + u' ' + reasonName(l.reason));
        parts.append(QStringLiteral("left: ") + names.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

struct Listings
{
    ScanListing scan;
    UniqueIdListing uids;
};

// Feeds the listing lines as a server would send them; a table line that is not one is a
// mistake in the table.
std::unique_ptr<Listings> listings(const QStringList &list, const QStringList &uidl)
{
    auto l = std::make_unique<Listings>();
    for (const QString &line : list) {
        if (!l->scan.add(line.toLatin1()))
            qFatal("not a LIST line: %s", qPrintable(line));
    }
    for (const QString &line : uidl) {
        if (!l->uids.add(line.toLatin1()))
            qFatal("not a UIDL line: %s", qPrintable(line));
    }
    l->scan.seal();
    l->uids.seal();
    return l;
}

} // namespace

class TestRetrievalPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plan_data();
    void plan();
    void countsByReason();
    void deletesOnceStored_data();
    void deletesOnceStored();
};

void TestRetrievalPlan::plan_data()
{
    QTest::addColumn<QStringList>("list"); // LIST lines
    QTest::addColumn<QStringList>("uidl"); // UIDL lines
    QTest::addColumn<bool>("haveUidl"); // false: the server has no UIDL
    QTest::addColumn<QStringList>("ledger"); // TableLedger rows
    QTest::addColumn<bool>("leaveOnServer");
    QTest::addColumn<int>("deleteAfterDays");
    QTest::addColumn<int>("maxMessageKb");
    QTest::addColumn<int>("maxMessagesPerCycle");
    QTest::addColumn<QString>("expected");

    const QStringList abc = {QStringLiteral("1 a"), QStringLiteral("2 b"), QStringLiteral("3 c")};
    const QStringList sizes10 = {
        QStringLiteral("1 10"), QStringLiteral("2 10"), QStringLiteral("3 10")};
    const int mb100 = MailboxSettings::kDefaultMaxMessageKb;

    QTest::newRow("empty mailbox") << QStringList() << QStringList() << true << QStringList()
                                   << false << 0 << mb100 << 0 << QString();
    QTest::newRow("new mail is retrieved")
        << QStringList {QStringLiteral("1 10"), QStringLiteral("2 20")}
        << QStringList {QStringLiteral("1 a"), QStringLiteral("2 b")} << true << QStringList()
        << false << 0 << mb100 << 0 << QStringLiteral("retrieve: 1=a 2=b (30 octets)");
    QTest::newRow("in message-number order, repeats once")
        << QStringList {QStringLiteral("3 30"), QStringLiteral("1 10"), QStringLiteral("3 30")}
        << QStringList {QStringLiteral("3 c"), QStringLiteral("1 a")} << true << QStringList()
        << false << 0 << mb100 << 0 << QStringLiteral("retrieve: 1=a 3=c (40 octets)");

    // Already stored: deleted without a second download, or kept by leave_on_server.
    QTest::newRow("stored, deleting")
        << sizes10 << abc << true << QStringList {QStringLiteral("S b 60 n-b")} << false << 0
        << mb100 << 0
        << QStringLiteral("retrieve: 1=a 3=c (20 octets); "
                          "delete: 2=b@n-b");
    QTest::newRow("stored, left on server for ever")
        << sizes10 << abc << true << QStringList {QStringLiteral("S b %1 n").arg(kDay)} << true << 0
        << mb100 << 0 << QStringLiteral("retrieve: 1=a 3=c (20 octets); left: 2=b kept");
    QTest::newRow("stored, left on server, a second before expiry")
        << sizes10 << abc << true << QStringList {QStringLiteral("S b %1 n").arg(7 * kDay - 1)}
        << true << 7 << mb100 << 0
        << QStringLiteral("retrieve: 1=a 3=c (20 octets); left: 2=b kept");
    QTest::newRow("stored, left on server, expiring this second")
        << sizes10 << abc << true << QStringList {QStringLiteral("S b %1 n-b").arg(7 * kDay)}
        << true << 7 << mb100 << 0
        << QStringLiteral("retrieve: 1=a 3=c (20 octets); delete: 2=b@n-b");
    QTest::newRow("stored, left on server, long expired")
        << sizes10 << abc << true
        << QStringList {QStringLiteral("S a %1 n-a").arg(400 * kDay),
               QStringLiteral("S c %1 n-c").arg(kDay)}
        << true << 30 << mb100 << 0
        << QStringLiteral("retrieve: 2=b (10 octets); delete: 1=a@n-a; left: 3=c kept");
    QTest::newRow("delete_after_days without leave_on_server: deleted at once")
        << sizes10 << abc << true << QStringList {QStringLiteral("S a 60 n-a")} << false << 7
        << mb100 << 0 << QStringLiteral("retrieve: 2=b 3=c (20 octets); delete: 1=a@n-a");

    // The size limit: by LIST, and remembered from an earlier cycle's streaming.
    QTest::newRow("too large by LIST")
        << QStringList {QStringLiteral("1 1024"), QStringLiteral("2 1025")}
        << QStringList {QStringLiteral("1 a"), QStringLiteral("2 b")} << true << QStringList()
        << false << 0 << 1 << 0
        << QStringLiteral("retrieve: 1=a (1024 octets); left: 2=b too-large");
    QTest::newRow("no limit set means 100 MB")
        << QStringList {QStringLiteral("1 104857600"), QStringLiteral("2 104857601")}
        << QStringList {QStringLiteral("1 a"), QStringLiteral("2 b")} << true << QStringList()
        << false << 0 << 0 << 0
        << QStringLiteral("retrieve: 1=a (104857600 octets); left: 2=b too-large");
    QTest::newRow("oversized before at today's limit")
        << sizes10 << abc << true << QStringList {QStringLiteral("X b 1024")} << false << 0 << 1024
        << 0 << QStringLiteral("retrieve: 1=a 3=c (20 octets); left: 2=b oversized-before");
    QTest::newRow("oversized before at a higher limit")
        << sizes10 << abc << true << QStringList {QStringLiteral("X b 2048")} << false << 0 << 1024
        << 0 << QStringLiteral("retrieve: 1=a 3=c (20 octets); left: 2=b oversized-before");
    QTest::newRow("oversized before at a lower limit: tried again")
        << sizes10 << abc << true << QStringList {QStringLiteral("X b 512")} << false << 0 << 1024
        << 0 << QStringLiteral("retrieve: 1=a 2=b 3=c (30 octets)");
    QTest::newRow("oversized before, and too large by LIST now")
        << QStringList {QStringLiteral("1 5000")} << QStringList {QStringLiteral("1 a")} << true
        << QStringList {QStringLiteral("X a 1")} << false << 0 << 1 << 0
        << QStringLiteral("left: 1=a oversized-before");
    QTest::newRow("stored counts before an oversized marker")
        << sizes10 << abc << true
        << QStringList {QStringLiteral("S a 60 n-a"), QStringLiteral("X a 1")} << false << 0 << 1
        << 0 << QStringLiteral("retrieve: 2=b 3=c (20 octets); delete: 1=a@n-a");

    // The per-cycle cap counts only what is retrieved.
    QTest::newRow("per-cycle cap")
        << sizes10 << abc << true << QStringList() << false << 0 << mb100 << 2
        << QStringLiteral("retrieve: 1=a 2=b (20 octets); left: 3=c backlog");
    QTest::newRow("per-cycle cap skips what is not retrieved")
        << QStringList {QStringLiteral("1 10"), QStringLiteral("2 5000"), QStringLiteral("3 10"),
               QStringLiteral("4 10")}
        << QStringList {QStringLiteral("1 a"), QStringLiteral("2 b"), QStringLiteral("3 c"),
               QStringLiteral("4 d")}
        << true << QStringList {QStringLiteral("S a 60 n-a")} << false << 0 << 1 << 1
        << QStringLiteral("retrieve: 3=c (10 octets); delete: 1=a@n-a; "
                          "left: 2=b too-large, 4=d backlog");

    // Listings that disagree: LIST names what exists; UIDL names it.
    QTest::newRow("LIST-only number: deleted meanwhile, left for the next cycle")
        << sizes10 << QStringList {QStringLiteral("1 a"), QStringLiteral("3 c")} << true
        << QStringList() << false << 0 << mb100 << 0
        << QStringLiteral("retrieve: 1=a 3=c (20 octets); left: 2 not-in-uidl");
    QTest::newRow("UIDL-only number: not a message of this listing")
        << QStringList {QStringLiteral("1 10")} << abc << true
        << QStringList {QStringLiteral("S b 60 n-b")} << false << 0 << mb100 << 0
        << QStringLiteral("retrieve: 1=a (10 octets)");

    // Without UIDL nothing is known stored before its digest is: the ledger is not asked.
    QTest::newRow("no UIDL") << QStringList {QStringLiteral("1 10"), QStringLiteral("2 5000"),
        QStringLiteral("3 10"), QStringLiteral("4 10")}
                             << QStringList() << false << QStringList {QStringLiteral("S 1 60 n-1")}
                             << false << 0 << 1 << 2
                             << QStringLiteral(
                                    "retrieve: 1 3 (20 octets); left: 2 too-large, 4 backlog");
}

void TestRetrievalPlan::plan()
{
    QFETCH(QStringList, list);
    QFETCH(QStringList, uidl);
    QFETCH(bool, haveUidl);
    QFETCH(QStringList, ledger);
    QFETCH(bool, leaveOnServer);
    QFETCH(int, deleteAfterDays);
    QFETCH(int, maxMessageKb);
    QFETCH(int, maxMessagesPerCycle);
    QFETCH(QString, expected);

    const std::unique_ptr<Listings> l = listings(list, uidl);
    MailboxSettings mailbox;
    mailbox.leaveOnServer = leaveOnServer;
    mailbox.deleteAfterDays = deleteAfterDays;
    mailbox.maxMessageKb = maxMessageKb;
    mailbox.maxMessagesPerCycle = maxMessagesPerCycle;
    const RetrievalPlan plan =
        planRetrieval(l->scan, haveUidl ? &l->uids : nullptr, TableLedger(ledger), mailbox, kNow);
    QCOMPARE(render(plan, l->uids), expected);
    // Every listed message has exactly one fate.
    QCOMPARE(qsizetype(plan.retrievals.size() + plan.deletions.size() + plan.left.size()),
        qsizetype(l->scan.entries().size()));
}

void TestRetrievalPlan::countsByReason()
{
    const std::unique_ptr<Listings> l =
        listings({QStringLiteral("1 10"), QStringLiteral("2 5000"), QStringLiteral("3 6000"),
                     QStringLiteral("4 10"), QStringLiteral("5 10")},
            {QStringLiteral("1 a"), QStringLiteral("2 b"), QStringLiteral("3 c"),
                QStringLiteral("4 d"), QStringLiteral("5 e")});
    MailboxSettings mailbox;
    mailbox.leaveOnServer = true;
    mailbox.maxMessageKb = 1;
    mailbox.maxMessagesPerCycle = 1;
    const RetrievalPlan plan = planRetrieval(
        l->scan, &l->uids, TableLedger({QStringLiteral("S a 60 n-a")}), mailbox, kNow);
    QCOMPARE(plan.count(RetrievalPlan::Reason::Kept), 1);
    QCOMPARE(plan.count(RetrievalPlan::Reason::TooLarge), 2);
    QCOMPARE(plan.count(RetrievalPlan::Reason::Backlog), 1);
    QCOMPARE(plan.count(RetrievalPlan::Reason::OversizedBefore), 0);
    QCOMPARE(plan.count(RetrievalPlan::Reason::NotInUidl), 0);
    QCOMPARE(plan.octetsToRetrieve(), 10);
}

void TestRetrievalPlan::deletesOnceStored_data()
{
    QTest::addColumn<bool>("leaveOnServer");
    QTest::addColumn<int>("deleteAfterDays");
    QTest::addColumn<bool>("deletes");
    QTest::newRow("default") << false << 0 << true;
    QTest::newRow("days alone change nothing") << false << 7 << true;
    QTest::newRow("leave on server") << true << 0 << false;
    QTest::newRow("leave on server, with expiry") << true << 7 << false;
}

void TestRetrievalPlan::deletesOnceStored()
{
    QFETCH(bool, leaveOnServer);
    QFETCH(int, deleteAfterDays);
    QFETCH(bool, deletes);
    MailboxSettings mailbox;
    mailbox.leaveOnServer = leaveOnServer;
    mailbox.deleteAfterDays = deleteAfterDays;
    QCOMPARE(Pop3Connector::deletesOnceStored(mailbox), deletes);
}

QTEST_GUILESS_MAIN(TestRetrievalPlan)
#include "tst_retrievalplan.moc"
