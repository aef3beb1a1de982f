#include "base/clock.h"
#include "base/durablefs.h"
#include "pipeline/download/ledgerregistry.h"
#include "spool/deliveryhistory.h"
#include "spool/messagemetadata.h"
#include "spool/spool.h"
#include "spool/spoolcommitter.h"
#include "spool/uidledger.h"
#include "spoolcheck.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Pop3Connector;

class TestSpool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void namesAreUniqueAndSortable();
    void metadataRoundTrip();
    void metadataAtTheTop_data();
    void metadataAtTheTop();
    void messageBeginningLikeAHeadIsNotMisread();
    void movedMessageKeepsItsHead();
    void sidecarPointingPastTheFileIsUnreadable();
    void oversizedHeadGoesBeside();
    void ledgerAppendReopen();
    void ledgerDropsTornTail();
    void ledgerOfAnotherAccountIsSetAside();
    void ledgerSurvivesHostCaseChange();
    void ledgerRetainOnly();
    void stagedMessageIsRemovedUnlessReleased();
    void committerPlacesFilesAndLedger();
    void committerReportsEachSubmitter();
    void recoveryFinishesLedgeredMessages();
    void recoveryDiscardsUnledgered();
    void recoveryWithPlacedSidecar();
    void recoveryLeavesFilesWhenLedgerUnreadable();
    void recoveryPlacesSidecarOfPlacedMessage();
    void prepareMakesSpoolPrivate();
    void deliveryHistoryForgetsAfterSixtyDays();

private:
    // Writes a message to tmp/ as a session does; returns what it hands to the committer.
    enum class Sidecar { AtTop, Beside };
    // The download puts the sidecar at the top of the file (Beside: without UIDL).
    CommitItem stage(const QString &name, const QByteArray &body, const QByteArray &uid,
        const QString &mailbox = QStringLiteral("office"), qint64 storedAt = 0,
        Sidecar sidecar = Sidecar::AtTop);
    std::unique_ptr<QTemporaryDir> m_dir;
    Spool m_spool;
};

void TestSpool::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = Spool(m_dir->path());
    QCOMPARE(failure(m_spool.prepare()), QString());
}

CommitItem TestSpool::stage(const QString &name, const QByteArray &body, const QByteArray &uid,
    const QString &mailbox, qint64 storedAt, Sidecar sidecar)
{
    StagedMessage s(m_spool, name);
    MessageMetadata meta;
    meta.mailbox = mailbox;
    meta.server = QStringLiteral("pop.isp.example");
    meta.user = QStringLiteral("alice");
    meta.uid = uid;
    if (sidecar == Sidecar::AtTop)
        s.setHead(meta);
    s.append(body);
    meta.size = body.size();
    s.finish(meta);
    s.release();
    return CommitItem {
        name, uid, storedAt, s.size(), s.headSize(), s.metadataSize(), {}, {}, false};
}

void TestSpool::namesAreUniqueAndSortable()
{
    QStringList names;
    for (int i = 0; i < 2000; ++i)
        names.append(Spool::newMessageName());
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(sorted, names);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
}

void TestSpool::metadataRoundTrip()
{
    MessageMetadata m;
    m.mailbox = QStringLiteral("info@isp");
    m.server = QStringLiteral("pop.isp.example");
    m.user = QStringLiteral("情報");
    m.uid = "UID-1!~";
    m.retrieved = QDateTime(QDate(2026, 11, 27), QTime(5, 6, 7, 890), Qt::UTC);
    m.size = 12345;
    m.other.insert(QStringLiteral("reason"), QStringLiteral("line one\nline two \\ back"));
    const std::optional<MessageMetadata> back = MessageMetadata::parse(m.serialize());
    QVERIFY(back);
    QCOMPARE(back->user, m.user);
    QCOMPARE(back->uid, m.uid);
    QCOMPARE(back->retrieved, m.retrieved);
    QCOMPARE(back->size, m.size);
    QCOMPARE(back->other, m.other);
    QVERIFY(!MessageMetadata::parse("garbage without separator"));
    // Cut short by a power cut before it was synced: not a sidecar when it ends inside a line or
    // before the account and UIDL it names are whole.
    const QByteArray whole = m.serialize();
    const qsizetype accountEnd = whole.indexOf('\n', whole.indexOf("\nuid: ") + 1) + 1;
    for (qsizetype cut = 0; cut < whole.size(); ++cut) {
        if (cut < accountEnd || whole[cut - 1] != '\n')
            QVERIFY2(!MessageMetadata::parse(whole.left(cut)), whole.left(cut).constData());
    }
}

void TestSpool::metadataAtTheTop_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<qint64>("offset"); // 0: not a head
    MessageMetadata m;
    m.mailbox = QStringLiteral("info");
    m.uid = "U1";
    const QByteArray head = m.serializeAsHead();
    const QByteArray body = m.serialize().replace("size: 0\n", "");
    QTest::newRow("head and message") << head + "Subject: x\r\n\r\nbody\r\n" << qint64(head.size());
    QTest::newRow("head alone") << head << qint64(head.size());
    QTest::newRow("a message") << QByteArray("Subject: x\r\n\r\n") << qint64(0);
    QTest::newRow("cut inside the sidecar") << head.first(head.size() - 3) << qint64(0);
    QTest::newRow("cut inside the first line") << head.first(20) << qint64(0);
    QTest::newRow("length not a number")
        << QByteArray("POP3-Connector-Sidecar: 1x\n") + body << qint64(0);
    QTest::newRow("length signed")
        << QByteArray("POP3-Connector-Sidecar: +") + QByteArray::number(body.size()) + '\n' + body
        << qint64(0);
    QTest::newRow("length zero") << QByteArray("POP3-Connector-Sidecar: 0\nSubject: x\r\n")
                                 << qint64(0);
    QTest::newRow("length beyond the bound")
        << QByteArray("POP3-Connector-Sidecar: 99999999\n") + body << qint64(0);
    QTest::newRow("length shorter than the sidecar")
        << QByteArray("POP3-Connector-Sidecar: 10\n") + body << qint64(0);
    QTest::newRow("no uid line") << QByteArray("POP3-Connector-Sidecar: 14\nmailbox: info\n")
                                 << qint64(0);
}

void TestSpool::metadataAtTheTop()
{
    QFETCH(QByteArray, file);
    QFETCH(qint64, offset);
    const std::optional<MessageMetadata> m = MessageMetadata::parseHead(file);
    QCOMPARE(m ? m->messageOffset : 0, offset);
    if (m) {
        QCOMPARE(m->mailbox, QStringLiteral("info"));
        QCOMPARE(m->uid, QByteArray("U1"));
    }
}

void TestSpool::messageBeginningLikeAHeadIsNotMisread()
{
    // A message stored with its sidecar beside it (an older version, or a server without
    // UIDL) is the whole file, whatever its first line says: anyone can mail such a line.
    MessageMetadata forged;
    forged.mailbox = QStringLiteral("someone-else");
    forged.uid = "FORGED";
    const QByteArray message = forged.serializeAsHead() + "Subject: hi\r\n\r\nbody\r\n";
    QFile eml(m_spool.messagePath(SpoolFolder::Incoming, QStringLiteral("m1")));
    QVERIFY(eml.open(QIODevice::WriteOnly));
    eml.write(message);
    eml.close();
    MessageMetadata real;
    real.mailbox = QStringLiteral("office");
    real.uid = "U1";
    real.size = message.size();
    QFile meta(m_spool.metaPath(SpoolFolder::Incoming, QStringLiteral("m1")));
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.write(real.serialize());
    meta.close();
    const std::optional<MessageMetadata> read =
        readMetadata(m_spool, SpoolFolder::Incoming, QStringLiteral("m1"));
    QVERIFY(read);
    QCOMPARE(read->mailbox, QStringLiteral("office"));
    QCOMPARE(read->messageOffset, qint64(0));
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).value(0).bytes, message);
}

void TestSpool::movedMessageKeepsItsHead()
{
    // A stored message moved to Failed Mail and back keeps its file as it is: the sidecars
    // written on the way say where in it the message starts.
    auto ledger = std::make_shared<UidLedger>(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(ledger->open(QStringLiteral("id"))), QString());
    SpoolCommitter committer(m_spool);
    const CommitItem m1 = stage(QStringLiteral("m1"), "Subject: one\r\n\r\n", "u1");
    QString result = QStringLiteral("not called");
    QObject context;
    committer.submit(ledger, {m1}, &context, [&result](const QString &e) { result = e; });
    QTRY_COMPARE(result, QString());
    MessageMetadata failed = *readMetadata(m_spool, SpoolFolder::Incoming, QStringLiteral("m1"));
    failed.other.insert(QStringLiteral("reason"), QStringLiteral("test"));
    failed.messageOffset = 0; // what a caller that knows nothing of heads passes
    QCOMPARE(failure(moveMessage(m_spool, SpoolFolder::Incoming, SpoolFolder::Failed,
                 QStringLiteral("m1"), failed)),
        QString());
    const std::optional<MessageMetadata> there =
        readMetadata(m_spool, SpoolFolder::Failed, QStringLiteral("m1"));
    QVERIFY(there);
    QCOMPARE(there->messageOffset, m1.headSize);
    QCOMPARE(there->other.value(QStringLiteral("reason")), QStringLiteral("test"));
    QCOMPARE(failure(moveMessage(m_spool, SpoolFolder::Failed, SpoolFolder::Incoming,
                 QStringLiteral("m1"), *there)),
        QString());
    const QList<SpooledMessage> back = readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming));
    QCOMPARE(back.size(), 1);
    QCOMPARE(back[0].bytes, QByteArray("Subject: one\r\n\r\n"));
    QCOMPARE(back[0].metadata.messageOffset, m1.headSize);
}

void TestSpool::sidecarPointingPastTheFileIsUnreadable()
{
    QFile eml(m_spool.messagePath(SpoolFolder::Failed, QStringLiteral("m1")));
    QVERIFY(eml.open(QIODevice::WriteOnly));
    eml.write("Subject: x\r\n\r\nbody\r\n");
    eml.close();
    MessageMetadata damaged;
    damaged.mailbox = QStringLiteral("office");
    damaged.uid = "U1";
    const auto besideIt = [&](qint64 offset) {
        damaged.messageOffset = offset;
        QFile meta(m_spool.metaPath(SpoolFolder::Failed, QStringLiteral("m1")));
        QVERIFY(meta.open(QIODevice::WriteOnly | QIODevice::Truncate));
        meta.write(damaged.serialize());
    };
    // Past the file's end, or inside a file that has no head of that length: not used.
    besideIt(4096);
    QVERIFY(!readMetadata(m_spool, SpoolFolder::Failed, QStringLiteral("m1")));
    besideIt(12);
    QVERIFY(!readMetadata(m_spool, SpoolFolder::Failed, QStringLiteral("m1")));

    // A file with a head of its own, as a rewrite leaves it when a crash comes between its
    // rename and the removal of the old sidecar: the sidecar that names this head's length is
    // this file's; one that names another length was the old file's, and the head holds.
    MessageMetadata own;
    own.mailbox = QStringLiteral("head");
    own.uid = "U2";
    const QByteArray head = own.serializeAsHead();
    QVERIFY(eml.open(QIODevice::WriteOnly | QIODevice::Truncate));
    eml.write(head + "Subject: x\r\n\r\nbody\r\n");
    eml.close();
    besideIt(head.size());
    std::optional<MessageMetadata> read =
        readMetadata(m_spool, SpoolFolder::Failed, QStringLiteral("m1"));
    QVERIFY(read);
    QCOMPARE(read->mailbox, QStringLiteral("office"));
    QCOMPARE(read->messageOffset, qint64(head.size()));
    besideIt(head.size() + 7);
    read = readMetadata(m_spool, SpoolFolder::Failed, QStringLiteral("m1"));
    QVERIFY(read);
    QCOMPARE(read->mailbox, QStringLiteral("head"));
    QCOMPARE(read->messageOffset, qint64(head.size()));
}

void TestSpool::oversizedHeadGoesBeside()
{
    // Names come from the configuration and UIDLs from the server: whatever their length, the
    // sidecar is kept where a reader takes it.
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("office");
    meta.uid = QByteArray(MessageMetadata::kMaxHeadBytes, 'u');
    StagedMessage s(m_spool, QStringLiteral("m1"));
    s.setHead(meta);
    QVERIFY(s.append("body\r\n"));
    QVERIFY(s.finish(meta));
    QCOMPARE(s.headSize(), qint64(0));
    QVERIFY(s.metadataSize() > MessageMetadata::kMaxHeadBytes);
    s.release();
    QCOMPARE(DurableFs::readFile(m_spool.tmpPath() + QStringLiteral("/m1.eml"), 100).value(),
        QByteArray("body\r\n"));
}

void TestSpool::ledgerAppendReopen()
{
    const QString path = m_spool.ledgerPath(QStringLiteral("office"));
    {
        UidLedger l(path);
        QCOMPARE(failure(l.open(QStringLiteral("pop.isp.example alice"))), QString());
        QCOMPARE(failure(l.append(
                     {{"a", {100, QStringLiteral("n1")}}, {"b", {200, QStringLiteral("n2")}}})),
            QString());
    }
    UidLedger l(path);
    QCOMPARE(failure(l.open(QStringLiteral("pop.isp.example alice"))), QString());
    QCOMPARE(l.size(), 2);
    QCOMPARE(l.find("b")->storedAt, qint64(200));
    QCOMPARE(l.find("b")->spoolName, QStringLiteral("n2"));
    QVERIFY(!l.find("c"));
}

void TestSpool::ledgerDropsTornTail()
{
    const QString path = m_spool.ledgerPath(QStringLiteral("office"));
    {
        UidLedger l(path);
        QCOMPARE(failure(l.open(QStringLiteral("id"))), QString());
        QCOMPARE(failure(l.append({{"a", {1, QStringLiteral("n1")}}})), QString());
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write("S 2 n2 tor"); // a crash in the middle of an append
    f.close();
    {
        UidLedger l(path);
        QCOMPARE(failure(l.open(QStringLiteral("id"))), QString());
        QCOMPARE(l.size(), 1);
        QVERIFY(!l.find("tor"));
        QCOMPARE(failure(l.append({{"c", {3, QStringLiteral("n3")}}})), QString());
    }
    UidLedger l(path);
    QCOMPARE(failure(l.open(QStringLiteral("id"))), QString());
    QCOMPARE(l.size(), 2);
    QVERIFY(l.find("c"));
}

void TestSpool::ledgerOfAnotherAccountIsSetAside()
{
    const QString path = m_spool.ledgerPath(QStringLiteral("office"));
    {
        UidLedger l(path);
        QCOMPARE(failure(l.open(QStringLiteral("old.isp.example alice"))), QString());
        QCOMPARE(failure(l.append({{"a", {1, QStringLiteral("n1")}}})), QString());
    }
    UidLedger l(path);
    QCOMPARE(failure(l.open(QStringLiteral("new.isp.example alice"))), QString());
    QCOMPARE(l.size(), 0);
    const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                  .entryList({QStringLiteral("office.ledger.replaced-*")});
    QCOMPARE(aside.size(), 1);
}

void TestSpool::ledgerSurvivesHostCaseChange()
{
    {
        LedgerRegistry registry(m_spool);
        auto l = registry.ledger(QStringLiteral("office"), QStringLiteral("POP.ISP.example"),
            QStringLiteral("alice"), nullptr);
        QVERIFY(l);
        QCOMPARE(failure(l->append({{"a", {1, QStringLiteral("n1")}}})), QString());
    }
    // The administrator retypes the host in lower case: still the same account, whose kept
    // mail must not be downloaded again.
    LedgerRegistry registry(m_spool);
    auto l = registry.ledger(QStringLiteral("office"), QStringLiteral("pop.isp.example"),
        QStringLiteral("alice"), nullptr);
    QVERIFY(l);
    QVERIFY(l->find("a"));
    // A different user name is a different account.
    LedgerRegistry other(m_spool);
    auto o = other.ledger(QStringLiteral("office"), QStringLiteral("pop.isp.example"),
        QStringLiteral("Alice"), nullptr);
    QVERIFY(o);
    QCOMPARE(o->size(), 0);
}

void TestSpool::ledgerRetainOnly()
{
    UidLedger l(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(l.open(QStringLiteral("id"))), QString());
    QCOMPARE(failure(l.append({{"a", {1, QStringLiteral("n1")}}, {"b", {1, QStringLiteral("n2")}},
                 {"c", {1, QStringLiteral("n3")}}})),
        QString());
    QCOMPARE(failure(l.retainOnly({"b", "zzz"})), QString());
    QCOMPARE(l.size(), 1);
    QCOMPARE(failure(l.append({{"d", {1, QStringLiteral("n4")}}})), QString());
    UidLedger again(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(again.open(QStringLiteral("id"))), QString());
    QCOMPARE(again.size(), 2);
    QVERIFY(again.find("b") && again.find("d"));
}

void TestSpool::stagedMessageIsRemovedUnlessReleased()
{
    {
        StagedMessage s(m_spool, QStringLiteral("x"));
        QVERIFY(s.append("abc"));
        QVERIFY(QFile::exists(m_spool.tmpPath() + QStringLiteral("/x.eml")));
    }
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
    {
        // Nothing is created until the first byte: a long pipeline holds no open files.
        StagedMessage s(m_spool, QStringLiteral("y"));
        QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
    }
}

void TestSpool::committerPlacesFilesAndLedger()
{
    auto ledger = std::make_shared<UidLedger>(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(ledger->open(QStringLiteral("id"))), QString());
    SpoolCommitter committer(m_spool);
    const CommitItem m1 =
        stage(QStringLiteral("m1"), "one\r\n", "u1", QStringLiteral("office"), 10);
    const CommitItem m2 =
        stage(QStringLiteral("m2"), "two\r\n", "u2", QStringLiteral("office"), 11, Sidecar::Beside);
    QVERIFY(m1.headSize > 0 && m1.metadataSize == 0);
    QVERIFY(m2.headSize == 0 && m2.metadataSize > 0);
    QString result = QStringLiteral("not called");
    QObject context;
    committer.submit(ledger, {m1, m2}, &context, [&result](const QString &e) { result = e; });
    QTRY_COMPARE(result, QString());
    const QList<SpooledMessage> placed = readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming));
    QCOMPARE(placed.size(), 2);
    QCOMPARE(placed[0].bytes, QByteArray("one\r\n"));
    QCOMPARE(placed[0].metadata.uid, QByteArray("u1"));
    QCOMPARE(placed[1].bytes, QByteArray("two\r\n"));
    QCOMPARE(placed[1].metadata.uid, QByteArray("u2"));
    // One file for the message whose sidecar is at its top, two for the other.
    QCOMPARE(QDir(m_spool.folderPath(SpoolFolder::Incoming)).entryList(QDir::Files),
        QStringList(
            {QStringLiteral("m1.eml"), QStringLiteral("m2.eml"), QStringLiteral("m2.meta")}));
    const std::optional<MessageMetadata> read =
        readMetadata(m_spool, SpoolFolder::Incoming, QStringLiteral("m1"));
    QVERIFY(read);
    QCOMPARE(read->size, qint64(5));
    QCOMPARE(read->mailbox, QStringLiteral("office"));
    QCOMPARE(read->messageOffset, m1.headSize);
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
    QCOMPARE(ledger->find("u1")->spoolName, QStringLiteral("m1"));
    QCOMPARE(ledger->find("u2")->storedAt, qint64(11));
}

void TestSpool::committerReportsEachSubmitter()
{
    auto a = std::make_shared<UidLedger>(m_spool.ledgerPath(QStringLiteral("a")));
    auto b = std::make_shared<UidLedger>(m_spool.ledgerPath(QStringLiteral("b")));
    QCOMPARE(failure(a->open(QStringLiteral("a"))), QString());
    QCOMPARE(failure(b->open(QStringLiteral("b"))), QString());
    SpoolCommitter committer(m_spool);
    const CommitItem a1 = stage(QStringLiteral("a1"), "x", "ua", QStringLiteral("a"), 1);
    const CommitItem b1 = stage(QStringLiteral("b1"), "y", "ub", QStringLiteral("b"), 1);
    int calls = 0;
    QObject context;
    auto gone = std::make_unique<QObject>();
    committer.submit(a, {a1}, &context, [&](const QString &e) { calls += e.isEmpty(); });
    committer.submit(b, {b1}, gone.get(), [&](const QString &) { calls += 100; });
    gone.reset(); // a submitter that went away is not called, but its mail is still made safe
    QTRY_COMPARE(calls, 1);
    QTest::qWait(50);
    QCOMPARE(calls, 1);
    QVERIFY(a->find("ua") && b->find("ub"));
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).size(), 2);
}

void TestSpool::recoveryFinishesLedgeredMessages()
{
    UidLedger ledger(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(ledger.open(QStringLiteral("pop.isp.example alice"))), QString());
    // Crash after the ledger append, before the renames.
    stage(QStringLiteral("m1"), "kept\r\n", "u1");
    QCOMPARE(failure(ledger.append({{"u1", {1, QStringLiteral("m1")}}})), QString());
    const RecoveryReport r = recoverSpool(m_spool, [&](const MessageMetadata &meta) {
        return meta.mailbox == QStringLiteral("office") ? &ledger : nullptr;
    });
    QCOMPARE(r.completed, 1);
    QCOMPARE(r.discarded, 0);
    QVERIFY(r.errors.isEmpty());
    const QList<SpooledMessage> placed = readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming));
    QCOMPARE(placed.size(), 1);
    QCOMPARE(placed[0].bytes, QByteArray("kept\r\n"));
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
    QVERIFY2(r.summary().contains(QStringLiteral("1 stored message(s) moved into Incoming Mail, "
                                                 "0 incomplete file(s) removed")),
        qPrintable(r.summary()));
    // Nothing left to finish: nothing to tell.
    QCOMPARE(recoverSpool(m_spool, [&](const MessageMetadata &) { return &ledger; }).summary(),
        QString());
}

void TestSpool::recoveryDiscardsUnledgered()
{
    UidLedger ledger(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(ledger.open(QStringLiteral("id"))), QString());
    stage(QStringLiteral("m1"), "not yet durable\r\n", "u1");
    // A half-written message with no sidecar at all.
    QFile partial(m_spool.tmpPath() + QStringLiteral("/m2.eml"));
    QVERIFY(partial.open(QIODevice::WriteOnly));
    partial.write("Subject: cut");
    partial.close();
    // The same UID ledgered under another name (a later retrieval placed it): not this file.
    stage(QStringLiteral("m3"), "old copy\r\n", "u3");
    QCOMPARE(failure(ledger.append({{"u3", {1, QStringLiteral("m9")}}})), QString());
    const RecoveryReport r =
        recoverSpool(m_spool, [&](const MessageMetadata &) { return &ledger; });
    QCOMPARE(r.completed, 0);
    QCOMPARE(r.discarded, 3);
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).isEmpty());
}

void TestSpool::recoveryWithPlacedSidecar()
{
    UidLedger ledger(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(ledger.open(QStringLiteral("id"))), QString());
    stage(QStringLiteral("m1"), "body\r\n", "u1", QStringLiteral("office"), 0, Sidecar::Beside);
    QCOMPARE(failure(ledger.append({{"u1", {1, QStringLiteral("m1")}}})), QString());
    // Crash between the sidecar's rename and the message's.
    QCOMPARE(failure(DurableFs::rename(m_spool.tmpPath() + QStringLiteral("/m1.meta"),
                 m_spool.folderPath(SpoolFolder::Incoming) + QStringLiteral("/m1.meta"))),
        QString());
    const RecoveryReport r =
        recoverSpool(m_spool, [&](const MessageMetadata &) { return &ledger; });
    QCOMPARE(r.completed, 1);
    const QList<SpooledMessage> placed = readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming));
    QCOMPARE(placed.size(), 1);
    QVERIFY(placed[0].hasMetadata);
}

void TestSpool::recoveryLeavesFilesWhenLedgerUnreadable()
{
    stage(QStringLiteral("m1"), "precious\r\n", "u1", QStringLiteral("office"), 0, Sidecar::Beside);
    stage(QStringLiteral("m2"), "precious too\r\n", "u2");
    const RecoveryReport r = recoverSpool(m_spool, [](const MessageMetadata &) { return nullptr; });
    QCOMPARE(r.completed, 0);
    QCOMPARE(r.discarded, 0);
    QCOMPARE(r.errors.size(), 2);
    QVERIFY(r.summary().endsWith(r.errors.join(QStringLiteral("; "))));
    QVERIFY(QFile::exists(m_spool.tmpPath() + QStringLiteral("/m1.eml")));
    QVERIFY(QFile::exists(m_spool.tmpPath() + QStringLiteral("/m1.meta")));
    QVERIFY(QFile::exists(m_spool.tmpPath() + QStringLiteral("/m2.eml")));
}

void TestSpool::recoveryPlacesSidecarOfPlacedMessage()
{
    // A file system that kept the message's rename into Incoming Mail but not the sidecar's
    // (renames in one folder are not ordered without a sync): the sidecar follows it there.
    UidLedger ledger(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(ledger.open(QStringLiteral("id"))), QString());
    stage(QStringLiteral("m1"), "body\r\n", "u1", QStringLiteral("office"), 0, Sidecar::Beside);
    QCOMPARE(failure(ledger.append({{"u1", {1, QStringLiteral("m1")}}})), QString());
    QCOMPARE(failure(DurableFs::rename(m_spool.tmpPath() + QStringLiteral("/m1.eml"),
                 m_spool.messagePath(SpoolFolder::Incoming, QStringLiteral("m1")))),
        QString());
    const RecoveryReport r =
        recoverSpool(m_spool, [&](const MessageMetadata &) { return &ledger; });
    QVERIFY(r.errors.isEmpty());
    const QList<SpooledMessage> placed = readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming));
    QCOMPARE(placed.size(), 1);
    QVERIFY(placed[0].hasMetadata);
    QCOMPARE(placed[0].metadata.uid, QByteArray("u1"));
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
}

void TestSpool::prepareMakesSpoolPrivate()
{
    const mode_t previous = ::umask(022);
    // What an older version or a restored backup left: readable by everyone.
    const QString old = m_spool.folderPath(SpoolFolder::PickUp) + QStringLiteral("/old.eml");
    QFile f(old);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(QFile::setPermissions(m_spool.folderPath(SpoolFolder::BadMail),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadOther | QFileDevice::ExeOther));
    const Result<int> repaired = m_spool.prepare();
    QCOMPARE(failure(repaired), QString());
    QCOMPARE(*repaired, 2);
    // And what it writes from now on is private whatever the umask.
    stage(QStringLiteral("m1"), "body\r\n", "u1", QStringLiteral("office"), 0, Sidecar::Beside);
    ::umask(previous);
    const QFile::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    for (const QString &path : {old, m_spool.folderPath(SpoolFolder::BadMail), m_spool.root(),
             m_spool.tmpPath() + QStringLiteral("/m1.eml"),
             m_spool.tmpPath() + QStringLiteral("/m1.meta")})
        QVERIFY2(!(QFileInfo(path).permissions() & others), qPrintable(path));
    QCOMPARE(*m_spool.prepare(), 0);
}

void TestSpool::deliveryHistoryForgetsAfterSixtyDays()
{
    ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC));
    const QString path = m_dir->filePath(QStringLiteral("delivered.log"));
    const MailAddress alice = *MailAddress::parse(u"alice@office.example");
    const QString fingerprint = QStringLiteral("<a@b> 0123");
    {
        DeliveryHistory history(path);
        QVERIFY(history.open());
        QVERIFY(history.claim(fingerprint, alice));
        QVERIFY(history.record({{fingerprint, alice}}));
    }
    // A copy of the same message a day before the limit is still recognised...
    clock.advance(qint64(DeliveryHistory::kKeepDays - 1) * 86400);
    {
        DeliveryHistory history(path);
        QVERIFY(history.open());
        QVERIFY(!history.claim(fingerprint, alice));
    }
    // A later delivery, and a line torn by a crash after it.
    const QString later = QStringLiteral("<c@d>\x0b 4567");
    {
        DeliveryHistory history(path);
        QVERIFY(history.open());
        QVERIFY(history.claim(later, alice));
        QVERIFY(history.record({{later, alice}}));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray laterLine = file.readAll().split('\n').value(1) + '\n';
    file.close();
    QVERIFY(laterLine.contains("\\x0b"));
    QVERIFY(file.open(QIODevice::Append));
    file.write("1767258000 alice@office.example <torn");
    file.close();
    // ...and after it the entry is forgotten and the file rewritten without it (and without the
    // torn line); the later one is kept as it was, and still recognised.
    clock.advance(2 * 86400);
    DeliveryHistory history(path);
    QVERIFY(history.open());
    QVERIFY(history.claim(fingerprint, alice));
    QVERIFY(!history.claim(later, alice));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), laterLine);
}

QTEST_GUILESS_MAIN(TestSpool)
#include "tst_spool.moc"
