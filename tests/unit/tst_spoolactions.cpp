// Spool actions wait for the stages that work on their folders, run the moment those stages end
// (before the next one starts), keep their order where they share a folder, and are dropped
// when whoever asked is gone.
#include "service/spoolactions.h"

#include <QTest>

using namespace Pop3Connector;

class TestSpoolActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stagesHoldTheirFolders_data();
    void stagesHoldTheirFolders();
    void waitsForTheStageThenRuns();
    void orderKeptWhereFoldersMeet();
    void goneContextIsDropped();
};

void TestSpoolActions::stagesHoldTheirFolders_data()
{
    QTest::addColumn<int>("active"); // Stages
    QTest::addColumn<int>("folder"); // SpoolFolder
    QTest::addColumn<bool>("held");
    const int download = int(Stage::Download), transfer = int(Stage::Transfer),
              dispatch = int(Stage::Dispatch);
    const int incoming = int(SpoolFolder::Incoming), failed = int(SpoolFolder::Failed),
              pickup = int(SpoolFolder::PickUp), badmail = int(SpoolFolder::BadMail);
    QTest::newRow("nothing runs") << 0 << failed << false;
    // Download only adds new names (through tmp/): every folder is free for the administrator.
    QTest::newRow("download, incoming") << download << incoming << false;
    QTest::newRow("download, failed") << download << failed << false;
    QTest::newRow("transfer, incoming") << transfer << incoming << true;
    QTest::newRow("transfer, failed") << transfer << failed << true;
    QTest::newRow("transfer, pickup") << transfer << pickup << true;
    QTest::newRow("transfer, badmail") << transfer << badmail << false;
    QTest::newRow("dispatch, pickup") << dispatch << pickup << true;
    QTest::newRow("dispatch, badmail") << dispatch << badmail << true;
    QTest::newRow("dispatch, failed") << dispatch << failed << false;
    QTest::newRow("dispatch, incoming") << dispatch << incoming << false;
}

void TestSpoolActions::stagesHoldTheirFolders()
{
    QFETCH(int, active);
    QFETCH(int, folder);
    QFETCH(bool, held);
    SpoolActions actions;
    for (Stage s : {Stage::Download, Stage::Transfer, Stage::Dispatch}) {
        if (active & int(s))
            actions.setStageActive(s, true);
    }
    QCOMPARE(actions.heldFolders().contains(SpoolFolder(folder)), held);
    bool ran = false;
    QObject context;
    actions.enqueue({SpoolFolder(folder)}, &context, [&] { ran = true; });
    QCOMPARE(ran, !held);
}

void TestSpoolActions::waitsForTheStageThenRuns()
{
    SpoolActions actions;
    QObject context;
    QStringList log;
    actions.setStageActive(Stage::Dispatch, true);
    actions.enqueue({SpoolFolder::BadMail, SpoolFolder::PickUp}, &context,
        [&] { log.append(QStringLiteral("requeue badmail")); });
    actions.enqueue(
        {SpoolFolder::Failed}, &context, [&] { log.append(QStringLiteral("delete failed")); });
    // The one on a free folder ran at once; the other waits.
    QCOMPARE(log, QStringList {QStringLiteral("delete failed")});
    QCOMPARE(actions.waiting(), 1);
    // Transfer starts while dispatch still runs; dispatch ends: PickUp is still transfer's.
    actions.setStageActive(Stage::Transfer, true);
    actions.setStageActive(Stage::Dispatch, false);
    QCOMPARE(actions.waiting(), 1);
    // Inside the signal that says transfer ended, before anything else starts.
    actions.setStageActive(Stage::Transfer, false);
    QCOMPARE(log.last(), QStringLiteral("requeue badmail"));
    QCOMPARE(actions.waiting(), 0);
}

void TestSpoolActions::orderKeptWhereFoldersMeet()
{
    SpoolActions actions;
    QObject context;
    QStringList log;
    actions.setStageActive(Stage::Transfer, true);
    // Requeue a message from BadMail (waits: PickUp is transfer's), then delete it from BadMail,
    // which alone would be free: it waits for the requeue, which comes first.
    actions.enqueue({SpoolFolder::BadMail, SpoolFolder::PickUp}, &context,
        [&] { log.append(QStringLiteral("requeue")); });
    actions.enqueue(
        {SpoolFolder::BadMail}, &context, [&] { log.append(QStringLiteral("delete")); });
    QVERIFY(log.isEmpty());
    actions.setStageActive(Stage::Transfer, false);
    QCOMPARE(log, (QStringList {QStringLiteral("requeue"), QStringLiteral("delete")}));
}

void TestSpoolActions::goneContextIsDropped()
{
    SpoolActions actions;
    actions.setStageActive(Stage::Dispatch, true);
    bool ran = false;
    auto *context = new QObject;
    actions.enqueue({SpoolFolder::PickUp}, context, [&] { ran = true; });
    delete context;
    actions.resetStages();
    QVERIFY(!ran);
    QCOMPARE(actions.waiting(), 0);
}

QTEST_GUILESS_MAIN(TestSpoolActions)
#include "tst_spoolactions.moc"
