// The service's password files: private (folder 0700, files 0600), whole after every write,
// refused when another user could read them or owns them, named so that no key leaves the
// folder; and the one place that decides which store a configuration uses.
#include "config/filesecretstore.h"
#include "service/passwordstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Pop3Connector;

class TestFileSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeReadRemove();
    void filesArePrivate();
    void keysStayInTheFolder_data();
    void keysStayInTheFolder();
    void readableByOthersIsRefused();
    void foreignOwnerIsRefused();
    void notAPasswordIsRefused();
    void asynchronousCallsAnswerLater();
    void configurationChoosesTheStore();

private:
    static int mode(const QString &path)
    {
        struct stat st = {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }
    QTemporaryDir m_dir;
};

void TestFileSecretStore::writeReadRemove()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("a/passwords")));
    const QString key = QStringLiteral("mailbox/sales");
    Result<std::optional<QByteArray>> none = store.readSecret(key);
    QVERIFY(none.ok());
    QVERIFY(!none->has_value());

    const QByteArray secret = QStringLiteral("pässwörd 日本 ;#=").toUtf8();
    QVERIFY(store.writeSecret(key, secret).ok());
    Result<std::optional<QByteArray>> found = store.readSecret(key);
    QVERIFY(found.ok());
    QCOMPARE(found->value(), secret);

    QVERIFY(store.writeSecret(key, "second").ok());
    QCOMPARE(store.readSecret(key)->value(), QByteArray("second"));
    // Replaced whole: no scratch file is left beside it.
    QCOMPARE(QDir(store.folder()).entryList(QDir::Files),
        QStringList {QStringLiteral("mailbox%2Fsales")});

    QVERIFY(store.removeSecret(key).ok());
    QVERIFY(!store.readSecret(key)->has_value());
    QVERIFY(store.removeSecret(key).ok()); // removing nothing is not an error
}

void TestFileSecretStore::filesArePrivate()
{
    const mode_t saved = ::umask(0);
    FileSecretStore store(m_dir.filePath(QStringLiteral("umask/passwords")));
    const bool written = store.writeSecret(QStringLiteral("delivery"), "x").ok();
    ::umask(saved);
    QVERIFY(written);
    QCOMPARE(mode(store.folder()), 0700);
    QCOMPARE(mode(store.pathFor(QStringLiteral("delivery"))), 0600);
}

void TestFileSecretStore::keysStayInTheFolder_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("mailbox") << QStringLiteral("mailbox/info@isp.example");
    QTest::newRow("dot") << QStringLiteral(".");
    QTest::newRow("dot dot") << QStringLiteral("..");
    QTest::newRow("climbing") << QStringLiteral("../../etc/passwd");
    QTest::newRow("hidden") << QStringLiteral(".profile");
    QTest::newRow("japanese") << QStringLiteral("mailbox/営業");
}

void TestFileSecretStore::keysStayInTheFolder()
{
    QFETCH(QString, key);
    FileSecretStore store(m_dir.filePath(QStringLiteral("names")));
    const QString path = store.pathFor(key);
    const QString name = path.mid(store.folder().size() + 1);
    QVERIFY2(!name.contains(u'/') && !name.startsWith(u'.'), qPrintable(name));
    QVERIFY(store.writeSecret(key, "secret").ok());
    QCOMPARE(store.readSecret(key)->value(), QByteArray("secret"));
    QVERIFY(QFile::exists(path));
    QVERIFY(store.removeSecret(key).ok());
}

void TestFileSecretStore::readableByOthersIsRefused()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("open")));
    QVERIFY(store.writeSecret(QStringLiteral("delivery"), "x").ok());
    QVERIFY(::chmod(QFile::encodeName(store.pathFor(QStringLiteral("delivery"))).constData(), 0644)
        == 0);
    const Result<std::optional<QByteArray>> r = store.readSecret(QStringLiteral("delivery"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(
        r.error().message.contains(QStringLiteral("chmod 600")), qPrintable(r.error().message));

    SecretStore::ReadResult answer;
    bool done = false;
    store.read(QStringLiteral("delivery"), this, [&](const SecretStore::ReadResult &a) {
        answer = a;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(int(answer.status), int(SecretStore::Status::Unavailable));
    QVERIFY(answer.secret.isEmpty());
}

void TestFileSecretStore::foreignOwnerIsRefused()
{
    // A store kept for another user (root storing for the service) refuses a file of its own.
    FileSecretStore mine(m_dir.filePath(QStringLiteral("owner")));
    QVERIFY(mine.writeSecret(QStringLiteral("delivery"), "x").ok());
    FileSecretStore theirs(mine.folder(), ::geteuid() + 1);
    const Result<std::optional<QByteArray>> r = theirs.readSecret(QStringLiteral("delivery"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
    QVERIFY(r.error().message.contains(QStringLiteral("another user")));
}

void TestFileSecretStore::notAPasswordIsRefused()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("bad")));
    QCOMPARE(store.writeSecret(QStringLiteral("k"), {}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(
        store.writeSecret(QStringLiteral("k"), "two\nlines").error().code, ErrorCode::InvalidInput);
    QVERIFY(!QFile::exists(store.pathFor(QStringLiteral("k"))));
}

void TestFileSecretStore::asynchronousCallsAnswerLater()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("async")));
    bool answered = false;
    QString error = QStringLiteral("not called");
    store.write(QStringLiteral("delivery"), "pw", this, [&](const QString &e) {
        error = e;
        answered = true;
    });
    QVERIFY(!answered); // never inside the call: a caller may still be setting up
    QTRY_VERIFY(answered);
    QCOMPARE(error, QString());

    // A context that is gone gets no answer.
    auto *context = new QObject;
    bool called = false;
    store.read(QStringLiteral("delivery"), context,
        [&](const SecretStore::ReadResult &) { called = true; });
    delete context;
    QTest::qWait(20);
    QVERIFY(!called);
}

void TestFileSecretStore::configurationChoosesTheStore()
{
    Configuration c;
    c.connector.spool = m_dir.filePath(QStringLiteral("spool"));
    c.connector.passwordStore = PasswordStore::Files;
    std::unique_ptr<SecretStore> files = openPasswordStore(c);
    auto *store = dynamic_cast<FileSecretStore *>(files.get());
    QVERIFY(store);
    QCOMPARE(store->folder(), c.connector.spool + QStringLiteral("/state/passwords"));
    QVERIFY(passwordStoreDescription(c).contains(store->folder()));

    c.connector.passwordStore = PasswordStore::Keychain;
    std::unique_ptr<SecretStore> keychain = openPasswordStore(c);
    QVERIFY(dynamic_cast<KeychainSecretStore *>(keychain.get()));
}

QTEST_GUILESS_MAIN(TestFileSecretStore)
#include "tst_filesecretstore.moc"
