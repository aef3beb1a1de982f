// The manager as an administrator uses it: the real main window (offscreen), driven by object
// name, against a real Dovecot (POP3 and LMTP) and the real keychain (gnome-keyring on a private
// D-Bus session, through with-keyring.sh).
#include "corpus.h"
#include "dovecotfixture.h"
#include "language.h"
#include "mailboxdialog.h"
#include "mailboxestab.h"
#include "mainwindow.h"
#include "prompter.h"
#include "scheduletab.h"
#include "config/secretstore.h"
#include "servicecontroller.h"
#include "spoolcheck.h"
#include "spoolmodel.h"
#include "spooltab.h"
#include "troubleshootingtab.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

namespace {

// Answers the manager's questions like an administrator who agrees; remembers every warning.
class TestPrompter : public Prompter
{
public:
    QStringList warnings;
    bool confirm(QWidget *, const QString &, const QString &) override { return true; }
    void inform(QWidget *, const QString &, const QString &) override { }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    QString saveFile(QWidget *, const QString &, const QString &suggested) override
    {
        return exportTo + u'/' + suggested;
    }
    QString existingDirectory(QWidget *, const QString &) override { return exportTo; }
    QString openFile(QWidget *, const QString &, const QString &) override { return {}; }
    QString exportTo;
};

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

int maildirCount(const DovecotFixture &dovecot, const QString &user)
{
    return int(QDir(dovecot.maildir(user) + QStringLiteral("/new")).entryList(QDir::Files).size()
        + QDir(dovecot.maildir(user) + QStringLiteral("/cur")).entryList(QDir::Files).size());
}

} // namespace

class TestManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void addMailboxThroughDialog();
    void testConnectionShowsDropListing();
    void retrieveNowWithDeliveryStopped();
    void failedMailIsRequeuedAndDelivered();
    void logLevelIsWrittenToTheConfiguration();
    void deliverySettingsThroughDialog();
    void japaneseTranslationIsComplete();

private:
    QString readIni() const;

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    QString m_ini;
    KeychainSecretStore m_secrets {QStringLiteral("pop3connector-guitest")};
    TestPrompter m_prompter;
    Language m_language;
    std::unique_ptr<ServiceController> m_service;
    std::unique_ptr<MainWindow> m_window;
    QList<QByteArray> m_corpus;
};

void TestManager::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "run this test through tests/integration/with-keyring.sh");
    const QString error = m_dovecot.start({{QStringLiteral("shop"), QStringLiteral("shop-pw 秘密")},
        {QStringLiteral("catchall"), QStringLiteral("all-pw")},
        {QStringLiteral("alice"), QStringLiteral("x")},
        {QStringLiteral("postmaster"), QStringLiteral("x")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CorpusOptions o;
    o.count = 40;
    o.seed = 91;
    m_corpus = makeCorpus(o);
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), m_corpus).isEmpty());

    m_ini = m_dir.filePath(QStringLiteral("pop3connector.ini"));
    QFile f(m_ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[connector]\nspool = spool\nschedule_enabled = false\n\n"
                           "[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %1\n")
                .arg(m_dovecot.lmtpPort())
                .toUtf8());
    f.close();
    m_prompter.exportTo = m_dir.path();
    m_language.apply(QStringLiteral("en"));
    m_service = std::make_unique<ServiceController>(m_ini, &m_secrets);
    m_window = std::make_unique<MainWindow>(m_service.get(), &m_prompter, &m_language);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_service->startService();
    QTRY_VERIFY(m_service->isRunning());
}

void TestManager::cleanupTestCase()
{
    m_window.reset();
    m_service.reset();
    QObject context;
    bool removed = false;
    m_secrets.remove(
        QStringLiteral("mailbox/shop"), &context, [&](const QString &) { removed = true; });
    QTRY_VERIFY(removed);
}

QString TestManager::readIni() const
{
    QFile f(m_ini);
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll());
}

void TestManager::addMailboxThroughDialog()
{
    m_window->tabs()->setCurrentWidget(m_window->mailboxesTab());
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<MailboxDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("shop"));
        QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), QStringLiteral("127.0.0.1"));
        child<QComboBox>(dialog, "securityCombo")->setCurrentIndex(1); // STARTTLS
        child<QSpinBox>(dialog, "portSpin")->setValue(m_dovecot.pop3Port());
        QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("shop"));
        // keyClicks types ASCII only; a Japanese password is pasted, as a person would.
        child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("shop-pw 秘密"));
        QTest::keyClicks(child<QLineEdit>(dialog, "caFileEdit"), m_dovecot.caFile());
        QTest::keyClicks(
            child<QLineEdit>(dialog, "localMailboxEdit"), QStringLiteral("alice@office.example"));
        filled = true;
        dialog->accept();
    });
    QTest::mouseClick(child<QPushButton>(m_window.get(), "addMailboxButton"), Qt::LeftButton);
    QVERIFY(filled);
    QVERIFY2(m_prompter.warnings.isEmpty(), qPrintable(m_prompter.warnings.join(u'\n')));
    // The table shows it, the INI file has it, the keychain holds the password, the INI does not.
    auto *table = child<QTableWidget>(m_window.get(), "mailboxTable");
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("shop"));
    QTRY_VERIFY(readIni().contains(QStringLiteral("[mailbox.shop]")));
    QVERIFY(readIni().contains(QStringLiteral("local_mailbox=alice@office.example")));
    QVERIFY(!readIni().contains(QStringLiteral("shop-pw")));
    SecretStore::ReadResult stored;
    bool done = false;
    QObject context;
    m_secrets.read(QStringLiteral("mailbox/shop"), &context, [&](const SecretStore::ReadResult &r) {
        stored = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QCOMPARE(int(stored.status), int(SecretStore::Status::Found));
    QCOMPARE(QString::fromUtf8(stored.secret), QStringLiteral("shop-pw 秘密"));
}

void TestManager::testConnectionShowsDropListing()
{
    auto *table = child<QTableWidget>(m_window.get(), "mailboxTable");
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(m_window.get(), "testMailboxButton"), Qt::LeftButton);
    QLabel *result = nullptr;
    QTRY_VERIFY((result = m_window->findChild<QLabel *>(QStringLiteral("testConnectionResult"))));
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("connection works")), 20000);
    QVERIFY2(result->text().contains(QStringLiteral("40 messages")), qPrintable(result->text()));
    const QString transcript =
        m_window->findChild<QPlainTextEdit *>(QStringLiteral("testConnectionTranscript"))
            ->toPlainText();
    QVERIFY(transcript.contains(QStringLiteral("S: +OK Dovecot")));
    QVERIFY(transcript.contains(QStringLiteral("C: STLS")));
    QVERIFY(transcript.contains(QStringLiteral("C: STAT")));
    QVERIFY(transcript.contains(QStringLiteral("S: +OK 40 ")));
    QVERIFY(transcript.contains(QStringLiteral("C: QUIT")));
    QVERIFY(transcript.contains(QStringLiteral("C: ********")));
    QVERIFY(!transcript.contains(QStringLiteral("shop-pw")));
    QVERIFY(!transcript.contains(
        QString::fromLatin1(QStringLiteral("shop-pw 秘密").toUtf8().toBase64())));
    result->window()->close();
}

void TestManager::retrieveNowWithDeliveryStopped()
{
    // Delivery stopped on its own (Service menu): mail collects in PickUp, visible in the Spool
    // tab.
    auto *dispatch = m_window->findChild<QAction *>(QStringLiteral("dispatchToggleAction"));
    dispatch->trigger();
    QVERIFY(!m_service->isDispatchEnabled());
    m_window->tabs()->setCurrentWidget(m_window->scheduleTab());
    QTRY_VERIFY(child<QPushButton>(m_window.get(), "retrieveNowButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(m_window.get(), "retrieveNowButton"), Qt::LeftButton);
    auto *overall = child<QProgressBar>(m_window.get(), "overallProgress");
    QTRY_COMPARE_WITH_TIMEOUT(overall->value(), 100, 30000);
    QTRY_VERIFY(!m_service->isCycleRunning());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 0);

    m_window->tabs()->setCurrentWidget(m_window->spoolTab());
    auto *folders = child<QListWidget>(m_window.get(), "folderList");
    folders->setCurrentRow(2); // PickUp
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(2)->text().endsWith(QStringLiteral("(40)")), 10000);
    auto *messages = child<QTableView>(m_window.get(), "messageTable");
    QTRY_COMPARE(messages->model()->rowCount(), 40);
    // Summaries arrive for the rows shown; Japanese subjects are decoded.
    QStringList subjects;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            subjects.clear();
            for (int row = 0; row < 40; ++row)
                subjects.append(
                    messages->model()->index(row, SpoolModel::Subject).data().toString());
            return !subjects.contains(QString());
        }(),
        10000);
    QVERIFY(std::any_of(subjects.cbegin(), subjects.cend(), [](const QString &s) {
        return s.contains(QStringLiteral("お世話になっております"))
            || s.contains(QStringLiteral("会議の議事録")) || s.contains(QStringLiteral("見積書"));
    }));
    QCOMPARE(maildirCount(m_dovecot, QStringLiteral("alice")), 0);

    // Delivery on again: the next cycle drains PickUp into alice's mailbox.
    dispatch->trigger();
    QVERIFY(m_service->isDispatchEnabled());
    m_service->retrieveNow();
    QTRY_COMPARE_WITH_TIMEOUT(maildirCount(m_dovecot, QStringLiteral("alice")), 40, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(2)->text().endsWith(QStringLiteral("(0)")), 10000);
}

void TestManager::failedMailIsRequeuedAndDelivered()
{
    // A catch-all mailbox, and a message for nobody of ours with no undeliverable mailbox set:
    // it lands in Failed Mail.
    Configuration c = m_service->configuration();
    MailboxSettings all;
    all.name = QStringLiteral("catchall");
    all.host = QStringLiteral("127.0.0.1");
    all.port = m_dovecot.pop3Port();
    all.security = Pop3Security::None;
    all.user = QStringLiteral("catchall");
    all.type = MailboxType::Global;
    all.acceptedDomains = {QStringLiteral("office.example")};
    all.rules = {{QStringLiteral("*@office.example"), QStringLiteral("*@office.example")}};
    const QString pw = m_dir.filePath(QStringLiteral("catchall.pw"));
    QFile p(pw);
    p.open(QIODevice::WriteOnly);
    p.write("all-pw\n");
    p.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    p.close();
    all.passwordFile = pw;
    c.mailboxes.append(all);
    // Saving restarts the service with the new configuration.
    QSignalSpy restarted(m_service.get(), &ServiceController::serviceStateChanged);
    QCOMPARE(m_service->save(c), QString());
    QTRY_VERIFY(!restarted.isEmpty() && restarted.last().first().toBool());
    QVERIFY(m_dovecot
                .addMessages(QStringLiteral("catchall"),
                    {"Message-ID: <list@lists.example>\nFrom: list@lists.example\n"
                     "To: everyone@lists.example\nSubject: Newsletter\n\nhello\n"})
                .isEmpty());
    m_service->retrieveNow();
    m_window->tabs()->setCurrentWidget(m_window->spoolTab());
    auto *folders = child<QListWidget>(m_window.get(), "folderList");
    folders->setCurrentRow(1); // Failed Mail
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(1)->text().endsWith(QStringLiteral("(1)")), 30000);
    QTRY_VERIFY(!m_service->isCycleRunning());

    // The administrator sets the undeliverable-mail mailbox, then requeues the message.
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    auto *undeliverable = child<QLineEdit>(m_window.get(), "undeliverableEdit");
    undeliverable->clear();
    QTest::keyClicks(undeliverable, QStringLiteral("postmaster@office.example"));
    restarted.clear();
    QTest::mouseClick(
        child<QPushButton>(m_window.get(), "applyTroubleshootingButton"), Qt::LeftButton);
    QTRY_VERIFY(
        readIni().contains(QStringLiteral("undeliverable_mailbox=postmaster@office.example")));
    QTRY_VERIFY(!restarted.isEmpty() && restarted.last().first().toBool());

    m_window->tabs()->setCurrentWidget(m_window->spoolTab());
    folders->setCurrentRow(1);
    auto *messages = child<QTableView>(m_window.get(), "messageTable");
    QTRY_COMPARE(messages->model()->rowCount(), 1);
    messages->selectRow(0);
    QTRY_VERIFY(child<QPushButton>(m_window.get(), "requeueButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(m_window.get(), "requeueButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(1)->text().endsWith(QStringLiteral("(0)")), 10000);
    QVERIFY(folders->item(0)->text().endsWith(QStringLiteral("(1)")));
    m_service->retrieveNow();
    QTRY_COMPARE_WITH_TIMEOUT(maildirCount(m_dovecot, QStringLiteral("postmaster")), 1, 30000);
}

void TestManager::logLevelIsWrittenToTheConfiguration()
{
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    auto *level = child<QComboBox>(m_window.get(), "logLevelCombo");
    level->setCurrentIndex(3);
    Q_EMIT level->activated(3);
    QTRY_VERIFY(readIni().contains(QStringLiteral("log_level=maximum")));
    QCOMPARE(m_service->configuration().connector.logLevel, LogLevel::Maximum);
}

void TestManager::deliverySettingsThroughDialog()
{
    m_window->tabs()->setCurrentWidget(m_window->mailboxesTab());
    QVERIFY(
        child<QLabel>(m_window.get(), "deliveryLabel")->text().contains(QStringLiteral("LMTP")));
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog && dialog->objectName() == u"deliveryDialog");
        child<QComboBox>(dialog, "transportCombo")->setCurrentIndex(2); // PickUp only
        filled = true;
        QMetaObject::invokeMethod(dialog, "accept");
    });
    QTest::mouseClick(child<QPushButton>(m_window.get(), "deliveryButton"), Qt::LeftButton);
    QVERIFY(filled);
    QTRY_VERIFY(readIni().contains(QStringLiteral("transport=pickup")));
    QTRY_VERIFY(
        child<QLabel>(m_window.get(), "deliveryLabel")->text().contains(QStringLiteral("PickUp")));
}

void TestManager::japaneseTranslationIsComplete()
{
    QFile ts(QStringLiteral(P3C_SOURCE_DIR "/translations/pop3connector_ja.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray xml = ts.readAll();
    QVERIFY(xml.count("<message") > 300);
    QCOMPARE(xml.count("type=\"unfinished\""), 0);
    QCOMPARE(xml.count("type=\"vanished\""), 0);

    QVERIFY(m_language.apply(QStringLiteral("ja")));
    QTRY_COMPARE(m_window->tabs()->tabText(0), QStringLiteral("メールボックス"));
    QCOMPARE(child<QPushButton>(m_window.get(), "retrieveNowButton")->text(),
        QStringLiteral("今すぐ取得"));
    // Core messages (events, their fixes) are translated too.
    QCOMPARE(describe(EventId::AuthenticationFailed).title, QStringLiteral("ログイン失敗"));
    QVERIFY(m_language.apply(QStringLiteral("en")));
    QTRY_COMPARE(m_window->tabs()->tabText(0), QStringLiteral("Mailboxes"));
}

QTEST_MAIN(TestManager)
#include "tst_manager.moc"
