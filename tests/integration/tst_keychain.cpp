// The system keychain for real: gnome-keyring on a private D-Bus session (run through
// with-keyring.sh), QtKeychain's libsecret backend, and the daemon reading passwords from it.
#include "childprocess.h"
#include "config/configuration.h"
#include "config/secretstore.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "spoolcheck.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writeReadRemove();
    void daemonUsesStoredPassword();
    void missingPasswordSaysHowToStoreIt();
    void unreachableKeychainIsReported();
    void deliveryPasswordIsStored();

private:
    SecretStore::ReadResult read(SecretStore &store, const QString &key);
    QString writeConfig(const QString &mailbox);
    QProcess *daemon(const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
};

void TestKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "run this test through tests/integration/with-keyring.sh");
    const QString error = m_dovecot.start({{QStringLiteral("kc"), QStringLiteral("pw-kc 日本")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

SecretStore::ReadResult TestKeychain::read(SecretStore &store, const QString &key)
{
    SecretStore::ReadResult result;
    bool done = false;
    QObject context;
    store.read(key, &context, [&](const SecretStore::ReadResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        result.error = QStringLiteral("no answer");
    return result;
}

void TestKeychain::writeReadRemove()
{
    KeychainSecretStore store(QStringLiteral("pop3connector-test"));
    const QString key = QStringLiteral("mailbox/roundtrip");
    QCOMPARE(int(read(store, key).status), int(SecretStore::Status::NotFound));

    QString writeError = QStringLiteral("not called");
    QObject context;
    store.write(key, QStringLiteral("パスワード-1").toUtf8(), &context,
        [&](const QString &e) { writeError = e; });
    QTRY_COMPARE_WITH_TIMEOUT(writeError, QString(), 20000);

    const SecretStore::ReadResult found = read(store, key);
    QCOMPARE(int(found.status), int(SecretStore::Status::Found));
    QCOMPARE(QString::fromUtf8(found.secret), QStringLiteral("パスワード-1"));

    QString removeError = QStringLiteral("not called");
    store.remove(key, &context, [&](const QString &e) { removeError = e; });
    QTRY_COMPARE_WITH_TIMEOUT(removeError, QString(), 20000);
    QCOMPARE(int(read(store, key).status), int(SecretStore::Status::NotFound));
}

QString TestKeychain::writeConfig(const QString &mailbox)
{
    const QString path = m_dir.filePath(QStringLiteral("kc.ini"));
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(QStringLiteral("[connector]\nspool = spool\n[mailbox.%1]\nhost = 127.0.0.1\nport = %2\n"
                           "security = starttls\nca_file = %3\nuser = kc\n")
                .arg(mailbox)
                .arg(m_dovecot.pop3Port())
                .arg(m_dovecot.caFile())
                .toUtf8());
    return path;
}

QProcess *TestKeychain::daemon(const QStringList &args, const QProcessEnvironment &env)
{
    auto *p = new ChildProcess(SIGKILL, this);
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(P3C_DAEMON), args);
    return p;
}

void TestKeychain::daemonUsesStoredPassword()
{
    const QList<QByteArray> corpus = makeCorpus({7, 41});
    QVERIFY(m_dovecot.addMessages(QStringLiteral("kc"), corpus).isEmpty());
    const QString ini = writeConfig(QStringLiteral("office"));

    QProcess *set = daemon({QStringLiteral("--config"), ini, QStringLiteral("--set-password"),
        QStringLiteral("office")});
    set->write(QStringLiteral("pw-kc 日本\n").toUtf8());
    set->closeWriteChannel();
    QVERIFY(set->waitForFinished(30000));
    QVERIFY2(set->exitCode() == 0, set->readAllStandardError().constData());

    QProcess *once = daemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QVERIFY(once->waitForFinished(60000));
    QVERIFY2(once->exitCode() == 0, once->readAllStandardError().constData());
    QCOMPARE(compareWithCorpus(m_dir.filePath(QStringLiteral("spool/Incoming Mail")), corpus),
        QString());
    QFile f(ini);
    f.open(QIODevice::ReadOnly);
    QVERIFY(!f.readAll().contains("pw-kc"));
}

void TestKeychain::missingPasswordSaysHowToStoreIt()
{
    const QString ini = writeConfig(QStringLiteral("never-stored"));
    QProcess *once = daemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QVERIFY(once->waitForFinished(60000));
    QCOMPARE(once->exitCode(), 1);
    const QString err = QString::fromUtf8(once->readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("--set-password never-stored")), qPrintable(err));
}

void TestKeychain::unreachableKeychainIsReported()
{
    const QString ini = writeConfig(QStringLiteral("office"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    QProcess *once = daemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
                                QStringLiteral("--stages"), QStringLiteral("download")},
        env);
    QVERIFY(once->waitForFinished(60000));
    QCOMPARE(once->exitCode(), 1);
    const QString err = QString::fromUtf8(once->readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("keychain cannot be used"))
            && err.contains(QStringLiteral("password_file")),
        qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("1101")));
}

void TestKeychain::deliveryPasswordIsStored()
{
    // The local server's SMTP AUTH password has its own keychain entry, "delivery".
    const QString ini = writeConfig(QStringLiteral("office"));
    QProcess *set = daemon({QStringLiteral("--config"), ini, QStringLiteral("--set-password"),
        QStringLiteral("delivery")});
    set->write("smtp-secret\n");
    set->closeWriteChannel();
    QVERIFY(set->waitForFinished(30000));
    QVERIFY2(set->exitCode() == 0, set->readAllStandardError().constData());
    KeychainSecretStore store;
    const SecretStore::ReadResult r = read(store, Pop3Connector::DeliverySettings::keychainKey());
    QCOMPARE(int(r.status), int(SecretStore::Status::Found));
    QCOMPARE(r.secret, QByteArray("smtp-secret"));
    QProcess *unknown = daemon({QStringLiteral("--config"), ini, QStringLiteral("--set-password"),
        QStringLiteral("nobody")});
    unknown->closeWriteChannel();
    QVERIFY(unknown->waitForFinished(30000));
    QCOMPARE(unknown->exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
