// A message as RETR streams it: what becomes of each piece under the size limit, and how a
// message without UIDL is named by its digest.
#include "pipeline/download/incomingmessage.h"
#include "spoolcheck.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

namespace {

QString intakeName(IncomingMessage::Intake intake)
{
    switch (intake) {
    case IncomingMessage::Intake::Written:
        return QStringLiteral("written");
    case IncomingMessage::Intake::WriteFailed:
        return QStringLiteral("write-failed");
    case IncomingMessage::Intake::Outgrown:
        return QStringLiteral("outgrown");
    case IncomingMessage::Intake::Discarded:
        return QStringLiteral("discarded");
    case IncomingMessage::Intake::Runaway:
        return QStringLiteral("runaway");
    }
    return {};
}

constexpr qint64 kMb = 1024 * 1024;

} // namespace

class TestIncomingMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void intake_data();
    void intake();
    void digestNamesWithoutUidl();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Spool m_spool;
};

void TestIncomingMessage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = Spool(m_dir->path());
    QCOMPARE(failure(m_spool.prepare()), QString());
}

void TestIncomingMessage::intake_data()
{
    QTest::addColumn<int>("limitKb");
    QTest::addColumn<QList<qint64>>("pieces"); // sizes of the pieces of the body, in order
    QTest::addColumn<QString>("intakes");
    QTest::addColumn<bool>("kept"); // the staged file is still in tmp/ at the end

    QTest::newRow("within the limit")
        << 1 << QList<qint64> {512, 512} << QStringLiteral("written written") << true;
    QTest::newRow("one byte over")
        << 1 << QList<qint64> {1024, 1} << QStringLiteral("written outgrown") << false;
    QTest::newRow("over in one piece, then read on")
        << 1 << QList<qint64> {1025, 100} << QStringLiteral("outgrown discarded") << false;
    QTest::newRow("read on up to 4 MB beyond the limit")
        << 1 << QList<qint64> {1025, 4 * kMb - 1} << QStringLiteral("outgrown discarded") << false;
    QTest::newRow("a byte further: the server cannot be trusted")
        << 1 << QList<qint64> {1025, 4 * kMb - 1, 1} << QStringLiteral("outgrown discarded runaway")
        << false;
}

void TestIncomingMessage::intake()
{
    QFETCH(int, limitKb);
    QFETCH(QList<qint64>, pieces);
    QFETCH(QString, intakes);
    QFETCH(bool, kept);

    IncomingMessage message(m_spool, 1, 10, "uid-1", limitKb);
    QStringList seen;
    for (qint64 size : pieces)
        seen.append(intakeName(message.take(QByteArray(size, 'x'))));
    QCOMPARE(seen.join(u' '), intakes);
    QCOMPARE(!QDir(m_spool.tmpPath()).isEmpty(), kept);
    QCOMPARE(message.isOversized(), intakes.contains(QStringLiteral("outgrown")));
    QCOMPARE(message.uid(), QByteArray("uid-1"));
}

void TestIncomingMessage::digestNamesWithoutUidl()
{
    // The first 64 KB and the size name a message: the same header block and size are the same
    // message; a different size is another.
    const QByteArray head = "Subject: same\n\n" + QByteArray(70 * 1024, 'h');
    const auto nameOf = [this, &head](const QByteArray &tail) {
        IncomingMessage message(m_spool, 1, 0, {}, 1024);
        if (message.take(head) != IncomingMessage::Intake::Written
            || message.take(tail) != IncomingMessage::Intake::Written)
            return QByteArray();
        message.nameByDigest();
        return message.uid();
    };
    const QByteArray a = nameOf("tail one\n");
    QVERIFY(a.startsWith("sha256:"));
    QCOMPARE(a.size(), qsizetype(7 + 64));
    QCOMPARE(nameOf("tail two\n"), a); // differs only beyond 64 KB, same size
    QVERIFY(nameOf("a longer tail\n") != a);
}

QTEST_GUILESS_MAIN(TestIncomingMessage)
#include "tst_incomingmessage.moc"
