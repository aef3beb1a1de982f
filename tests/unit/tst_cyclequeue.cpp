// What a cycle runs: the cycle that waits while one runs (QueuedCycle::merge), the stages named
// on a command line (parseStages), a stage asked for again while it runs (CoalescedRun), and
// the sentence that sums a cycle up.
#include "service/coalescedrun.h"
#include "service/cyclereport.h"

#include <QTest>

using namespace Pop3Connector;

Q_DECLARE_METATYPE(std::optional<Pop3Connector::Stages>)

class TestCycleQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merge_data();
    void merge();
    void stages_data();
    void stages();
    void coalescedRun();
    void summary();
};

void TestCycleQueue::merge_data()
{
    QTest::addColumn<Stages>("stages");
    QTest::addColumn<QStringList>("mailboxes");
    QTest::addColumn<Stages>("more");
    QTest::addColumn<QStringList>("moreMailboxes");
    QTest::addColumn<Stages>("expectedStages");
    QTest::addColumn<QStringList>("expectedMailboxes");

    const Stages all = kAllStages;
    const Stages routing = Stages(Stage::Transfer) | Stage::Dispatch;
    const QStringList none;
    QTest::newRow("two mailboxes asked for one after the other")
        << all << QStringList {QStringLiteral("sales")} << all
        << QStringList {QStringLiteral("info")} << all
        << QStringList {QStringLiteral("sales"), QStringLiteral("info")};
    QTest::newRow("the same mailbox twice is retrieved once")
        << all << QStringList {QStringLiteral("sales")} << all
        << QStringList {QStringLiteral("sales")} << all << QStringList {QStringLiteral("sales")};
    QTest::newRow("every mailbox wins over one")
        << all << QStringList {QStringLiteral("sales")} << all << none << all << none;
    QTest::newRow("one mailbox does not narrow every mailbox")
        << all << none << all << QStringList {QStringLiteral("info")} << all << none;
    QTest::newRow("a routing-only cycle takes the download's mailboxes")
        << routing << none << all << QStringList {QStringLiteral("info")} << all
        << QStringList {QStringLiteral("info")};
    QTest::newRow("routing asked for after a download keeps its mailboxes")
        << all << QStringList {QStringLiteral("sales")} << routing << none << all
        << QStringList {QStringLiteral("sales")};
    QTest::newRow("transfer then dispatch: both, no mailboxes")
        << Stages(Stage::Transfer) << none << Stages(Stage::Dispatch) << none << routing << none;
}

void TestCycleQueue::merge()
{
    QFETCH(Stages, stages);
    QFETCH(QStringList, mailboxes);
    QFETCH(Stages, more);
    QFETCH(QStringList, moreMailboxes);
    QFETCH(Stages, expectedStages);
    QFETCH(QStringList, expectedMailboxes);
    QueuedCycle queued {stages, mailboxes};
    queued.merge(more, moreMailboxes);
    QCOMPARE(queued.stages, expectedStages);
    QCOMPARE(queued.mailboxes, expectedMailboxes);
}

void TestCycleQueue::stages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<Stages>>("expected");

    QTest::newRow("all") << QStringLiteral("download,transfer,dispatch")
                         << std::optional<Stages>(kAllStages);
    QTest::newRow("spaces and case") << QStringLiteral(
        " Transfer , DISPATCH") << std::optional<Stages>(Stages(Stage::Transfer) | Stage::Dispatch);
    QTest::newRow("one") << QStringLiteral("download")
                         << std::optional<Stages>(Stages(Stage::Download));
    QTest::newRow("empty") << QString() << std::optional<Stages>();
    QTest::newRow("only commas") << QStringLiteral(",,") << std::optional<Stages>();
    QTest::newRow("unknown name") << QStringLiteral("download,deliver") << std::optional<Stages>();
}

void TestCycleQueue::stages()
{
    QFETCH(QString, text);
    QFETCH(std::optional<Stages>, expected);
    QCOMPARE(parseStages(text), expected);
}

void TestCycleQueue::coalescedRun()
{
    CoalescedRun run;
    QVERIFY(run.isIdle());
    QVERIFY(run.request()); // idle: starts now
    QVERIFY(!run.request()); // running: later
    QVERIFY(!run.request()); // ... and merged with the one before
    QVERIFY(!run.isIdle());
    QVERIFY(run.finished()); // one more run for both requests
    QVERIFY(run.isRunning());
    QVERIFY(!run.finished()); // nothing asked meanwhile
    QVERIFY(run.isIdle());

    // A stop drops a request that has not started; the run under way still ends.
    QVERIFY(run.request());
    QVERIFY(!run.request());
    run.dropRequest();
    QVERIFY(!run.finished());
    QVERIFY(run.isIdle());
}

void TestCycleQueue::summary()
{
    // Event 1006: the cycle's totals, with real plural forms.
    CycleReport r;
    RetrievalReport sales;
    sales.stored = 4;
    RetrievalReport info;
    info.outcome = RetrievalReport::Outcome::Failed;
    info.stored = 1;
    r.retrievals = {sales, info};
    r.dispatch = DispatchReport {};
    r.dispatch->delivered = 3;
    QCOMPARE(r.summary().english(),
        QStringLiteral("Cycle finished: 2 mailboxes, 1 failed, 5 new messages, 3 delivered."));
    r.retrievals = {sales};
    r.dispatch.reset();
    QCOMPARE(r.summary().english(),
        QStringLiteral("Cycle finished: 1 mailbox, 0 failed, 4 new messages, 0 delivered."));
}

QTEST_GUILESS_MAIN(TestCycleQueue)
#include "tst_cyclequeue.moc"
