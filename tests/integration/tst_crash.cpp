// kill -9 of pop3connectord at many points of runs against a real Dovecot, then a clean run.
// Download only: every message in Incoming Mail exactly once, byte for byte, the server empty.
// All three stages (LMTP into Dovecot): every message in the local mailbox, none lost, the spool
// empty; a second copy only where SMTP itself allows one (delivered, killed before the reply was
// read), so at most one per kill and delivery connection.
#include "config/configuration.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "spoolcheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <random>

class TestCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void downloadStage();
    void allThreeStages();

private:
    // Adds a batch of mail, runs the daemon and kills it after a random delay, `iterations`
    // times (after two runs that are not killed and measure how long a run takes). Returns the
    // number of runs killed; every message added is appended to `added`.
    int killRuns(const QString &ini, const QStringList &stages, QList<QByteArray> &added);
    QString config(const QString &extra) const;

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    int m_iterations = 16;
    quint64 m_seed = 1000;
};

void TestCrash::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("crash"), QStringLiteral("pw")},
        {QStringLiteral("alice"), QStringLiteral("x")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (qEnvironmentVariableIntValue("P3C_CRASH_ITERATIONS") > 0)
        m_iterations = qEnvironmentVariableIntValue("P3C_CRASH_ITERATIONS");
    QFile f(m_dir.filePath(QStringLiteral("pw")));
    f.open(QIODevice::WriteOnly);
    f.write("pw\n");
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString TestCrash::config(const QString &extra) const
{
    static int n = 0;
    const QString dir = m_dir.filePath(QStringLiteral("run%1").arg(++n));
    QDir().mkpath(dir);
    const QString ini = dir + QStringLiteral("/c.ini");
    QFile c(ini);
    c.open(QIODevice::WriteOnly);
    c.write(QStringLiteral(
        "[connector]\nspool = spool\nlog_level = minimum\n%3\n[mailbox.crash]\nhost = 127.0.0.1\n"
        "port = %1\nsecurity = none\nuser = crash\npassword_file = %2\n"
        "local_mailbox = alice@office.example\n")
                .arg(m_dovecot.pop3Port())
                .arg(m_dir.filePath(QStringLiteral("pw")), extra)
                .toUtf8());
    return ini;
}

int TestCrash::killRuns(const QString &ini, const QStringList &stages, QList<QByteArray> &added)
{
    std::mt19937 rng(20261127 + quint32(m_seed));
    int killed = 0;
    qint64 runMs = 0;
    const int calibration = 2;
    for (int i = 0; i < m_iterations + calibration; ++i) {
        CorpusOptions o;
        o.count = 120;
        o.seed = ++m_seed;
        o.maxBytes = 400'000;
        o.bigMessageBytes = i % 4 == 0 ? 3'000'000 : 0;
        const QList<QByteArray> batch = makeCorpus(o);
        const QString error = m_dovecot.addMessages(QStringLiteral("crash"), batch);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        added += batch;

        const int delayMs = i < calibration
            ? 120000
            : std::uniform_int_distribution<int>(0, int(runMs * 11 / 10))(rng);
        QProcess daemon;
        QElapsedTimer clock;
        clock.start();
        daemon.start(QStringLiteral(P3C_DAEMON),
            QStringList {QStringLiteral("--config"), ini, QStringLiteral("--once"),
                QStringLiteral("--stages"), stages.join(u',')});
        daemon.waitForStarted();
        if (!daemon.waitForFinished(delayMs)) {
            daemon.kill(); // SIGKILL: no handler, no cleanup
            daemon.waitForFinished(10000);
            ++killed;
        } else {
            runMs = clock.elapsed();
        }
    }
    return killed;
}

void TestCrash::downloadStage()
{
    const QString ini = config({});
    QList<QByteArray> everything;
    const int killed = killRuns(ini, {QStringLiteral("download")}, everything);
    // The kills must really have interrupted runs, or this proves nothing.
    QVERIFY2(
        killed >= m_iterations / 2, qPrintable(QStringLiteral("only %1 runs killed").arg(killed)));

    QProcess last;
    last.start(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), ini, QStringLiteral("--once"), QStringLiteral("--stages"),
            QStringLiteral("download")});
    QVERIFY(last.waitForFinished(120000));
    QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
    const QString spool = QFileInfo(ini).absolutePath() + QStringLiteral("/spool/");
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("crash")), 0);
    QCOMPARE(compareWithCorpus(spool + QStringLiteral("Incoming Mail"), everything), QString());
    QVERIFY(QDir(spool + QStringLiteral("tmp")).isEmpty());
    qInfo("download: %d messages, %d of %d runs killed", int(everything.size()), killed,
        m_iterations);
}

void TestCrash::allThreeStages()
{
    m_dovecot.clearMailbox(QStringLiteral("alice"));
    const QString ini =
        config(QStringLiteral("[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %1\n")
                   .arg(m_dovecot.lmtpPort()));
    QList<QByteArray> everything;
    const int killed = killRuns(ini,
        {QStringLiteral("download"), QStringLiteral("transfer"), QStringLiteral("dispatch")},
        everything);
    QVERIFY2(
        killed >= m_iterations / 2, qPrintable(QStringLiteral("only %1 runs killed").arg(killed)));

    QProcess last;
    last.start(
        QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini, QStringLiteral("--once")});
    QVERIFY(last.waitForFinished(120000));
    QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("crash")), 0);
    const QString spool = QFileInfo(ini).absolutePath() + QStringLiteral("/spool/");
    for (const char *folder : {"Incoming Mail", "PickUp", "Failed Mail", "BadMail", "tmp"})
        QVERIFY2(QDir(spool + QLatin1String(folder)).isEmpty(), folder);

    QHash<QByteArray, int> copies;
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(m_dovecot.maildir(QStringLiteral("alice")) + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(f));
            file.open(QIODevice::ReadOnly);
            static const QRegularExpression id(QStringLiteral("\\nMessage-ID: (<[^>]+>)"));
            ++copies[id.match(QString::fromLatin1(file.readAll())).captured(1).toLatin1()];
        }
    }
    int lost = 0;
    int duplicates = 0;
    for (const QByteArray &m : std::as_const(everything)) {
        const int n = copies.value(messageId(m));
        lost += n == 0;
        duplicates += std::max(0, n - 1);
    }
    QCOMPARE(copies.size(), everything.size());
    QCOMPARE(lost, 0);
    // Each delivery connection has at most one message between the end of its data and the
    // server's reply; a kill there is SMTP's own duplicate window.
    const int connections = Pop3Connector::DeliverySettings {}.connections;
    QVERIFY2(duplicates <= killed * connections,
        qPrintable(QStringLiteral("%1 duplicates for %2 kills").arg(duplicates).arg(killed)));
    qInfo("three stages: %d messages, %d of %d runs killed, %d delivered twice",
        int(everything.size()), killed, m_iterations, duplicates);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
