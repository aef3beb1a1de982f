// Where a password comes from, in one place: a private password file, else the secret store,
// else a sentence that says what to do, with the event that reports it.
#include "config/credentials.h"
#include "memorysecretstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

class TestCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolves_data();
    void resolves();

private:
    Result<QByteArray> resolve(const MailboxSettings &mailbox, MemorySecretStore &store);
};

Result<QByteArray> TestCredentials::resolve(
    const MailboxSettings &mailbox, MemorySecretStore &store)
{
    std::optional<Result<QByteArray>> out;
    QObject context;
    CredentialResolver(&store).resolve(
        mailbox, &context, [&out](const Result<QByteArray> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 2000))
        return Error {ErrorCode::Io, QStringLiteral("no answer")};
    return *out;
}

void TestCredentials::resolves_data()
{
    QTest::addColumn<QString>("file"); // "private", "readable", "missing", or "" for none
    QTest::addColumn<QString>("stored"); // in the store, or ""
    QTest::addColumn<bool>("storeWorks");
    QTest::addColumn<QByteArray>("password"); // expected, or empty for a failure
    QTest::addColumn<int>("event");
    QTest::addColumn<QString>("says");

    const int unavailable = int(EventId::PasswordUnavailable);
    QTest::newRow("private file") << "private"
                                  << "" << true << QByteArray("from-file") << 0 << "";
    QTest::newRow("file wins over store")
        << "private"
        << "from-store" << true << QByteArray("from-file") << 0 << "";
    QTest::newRow("file others can read")
        << "readable"
        << "" << true << QByteArray() << int(EventId::PasswordFileInsecure) << "";
    QTest::newRow("file missing") << "missing"
                                  << "" << true << QByteArray() << unavailable << "";
    QTest::newRow("store") << ""
                           << "from-store" << true << QByteArray("from-store") << 0 << "";
    QTest::newRow("nothing stored")
        << ""
        << "" << true << QByteArray() << unavailable << "--set-password sales";
    QTest::newRow("store locked") << ""
                                  << "from-store" << false << QByteArray() << unavailable
                                  << "password_file for mailbox sales";
}

void TestCredentials::resolves()
{
    QFETCH(QString, file);
    QFETCH(QString, stored);
    QFETCH(bool, storeWorks);
    QFETCH(QByteArray, password);
    QFETCH(int, event);
    QFETCH(QString, says);

    QTemporaryDir dir;
    MailboxSettings m;
    m.name = QStringLiteral("sales");
    if (!file.isEmpty()) {
        m.passwordFile = dir.filePath(QStringLiteral("pw"));
        if (file != u"missing") {
            QFile f(m.passwordFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("from-file\n");
            f.close();
            QFile::Permissions p = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
            if (file == u"readable")
                p |= QFileDevice::ReadOther;
            QVERIFY(f.setPermissions(p));
        }
    }
    MemorySecretStore store;
    if (!stored.isEmpty())
        store.secrets.insert(m.keychainKey(), stored.toUtf8());
    if (!storeWorks)
        store.unavailable = QStringLiteral("the collection is locked");

    const Result<QByteArray> r = resolve(m, store);
    if (!password.isEmpty()) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(*r, password);
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(int(CredentialResolver::eventFor(r.error())), event);
    QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
    if (!storeWorks)
        QVERIFY(r.error().message.contains(QStringLiteral("the collection is locked")));
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
