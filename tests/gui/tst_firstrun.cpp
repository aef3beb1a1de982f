// The first run, as a new administrator meets it: a configuration file that does not exist yet
// (what the desktop entry and a fresh install start with), a real pop3connectord, a real Dovecot
// (POP3 and LMTP), the real keyring (tests/integration/with-keyring.sh), the real manager window
// offscreen. Nothing may be created outside the chosen spool; the assistant writes the
// configuration through the service, and no message is retrieved before delivery was tested.
#include "childprocess.h"
#include "corpus.h"
#include "deliverydialog.h"
#include "deliverytestpanel.h"
#include "dovecotfixture.h"
#include "fakeoauthprovider.h"
#include "findchild.h"
#include "firstrunwizard.h"
#include "language.h"
#include "mailboxdialog.h"
#include "mailboxestab.h"
#include "mainwindow.h"
#include "prompter.h"
#include "service/controlendpoint.h"
#include "servicecontroller.h"
#include "testbrowser.h"
#include "testprompter.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Pop3Connector;

namespace {

// Every path under `root`, relative to it.
QStringList treeOf(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(root).relativeFilePath(it.next()));
    out.sort();
    return out;
}

// A port nothing listens on.
quint16 stoppedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

const QStringList kSpoolOnly = {QStringLiteral("Incoming Mail"), QStringLiteral("PickUp"),
    QStringLiteral("Failed Mail"), QStringLiteral("BadMail"), QStringLiteral("state")};

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstRunIsWantedOnlyWhenNothingIsSetUp_data();
    void firstRunIsWantedOnlyWhenNothingIsSetUp();
    void missingConfigurationCreatesNothingOutsideTheSpool_data();
    void missingConfigurationCreatesNothingOutsideTheSpool();
    void assistantEndToEnd();
    void assistantSignsInAnOAuthMailbox();
    void deliveryDialogTestsDelivery();
    void everyPageFits800x600InBothLanguages();

private:
    // pop3connectord on `config` in `home`, its working folder `cwd`; as `uid` when not -1.
    std::unique_ptr<ChildProcess> startDaemon(const QString &config, const QString &home,
        const QString &cwd, int uid, QByteArray *output);
    int retrievedCount() const;

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    QString m_ini;
    std::unique_ptr<ChildProcess> m_daemon;
    TestPrompter m_prompter;
    Language m_language;
    std::unique_ptr<ServiceController> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestFirstRun::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("shop"), QStringLiteral("shop-pw")},
        {QStringLiteral("alice"), QStringLiteral("x")},
        {QStringLiteral("postmaster"), QStringLiteral("x")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CorpusOptions o;
    o.count = 5;
    o.seed = 131;
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), makeCorpus(o)).isEmpty());
    // Others pass through to reach the unprivileged run's home.
    QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0711) == 0);
    m_language.apply(QStringLiteral("en"));
}

void TestFirstRun::cleanupTestCase()
{
    m_window.reset();
    m_service.reset();
    if (m_daemon) {
        m_daemon->terminate();
        if (!m_daemon->waitForFinished(30000))
            m_daemon->kill();
    }
}

std::unique_ptr<ChildProcess> TestFirstRun::startDaemon(
    const QString &config, const QString &home, const QString &cwd, int uid, QByteArray *output)
{
    auto daemon = std::make_unique<ChildProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!home.isEmpty()) {
        // A session without XDG folders: the defaults follow HOME alone.
        env.insert(QStringLiteral("HOME"), home);
        for (const char *v :
            {"XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "DBUS_SESSION_BUS_ADDRESS"})
            env.remove(QLatin1String(v));
    }
    daemon->setProcessEnvironment(env);
    daemon->setWorkingDirectory(cwd);
    if (output)
        daemon->setProcessChannelMode(QProcess::MergedChannels);
    else
        daemon->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args = {QStringLiteral("--config"), config};
    if (uid >= 0) {
        daemon->start(QStringLiteral("setpriv"),
            QStringList {QStringLiteral("--reuid=%1").arg(uid),
                QStringLiteral("--regid=%1").arg(uid), QStringLiteral("--clear-groups"),
                QStringLiteral(P3C_DAEMON)}
                + args);
    } else {
        daemon->start(QStringLiteral(P3C_DAEMON), args);
    }
    return daemon;
}

void TestFirstRun::firstRunIsWantedOnlyWhenNothingIsSetUp_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("wanted");
    QTest::newRow("defaults") << QString() << true;
    QTest::newRow("a mailbox") << QStringLiteral("mailbox") << false;
    QTest::newRow("lmtp") << QStringLiteral("lmtp") << false;
    QTest::newRow("another server") << QStringLiteral("host") << false;
    QTest::newRow("a login") << QStringLiteral("user") << false;
    QTest::newRow("an undeliverable mailbox") << QStringLiteral("undeliverable") << false;
    QTest::newRow("only the interval") << QStringLiteral("interval") << true;
}

void TestFirstRun::firstRunIsWantedOnlyWhenNothingIsSetUp()
{
    QFETCH(QString, change);
    QFETCH(bool, wanted);
    Configuration c =
        ConfigurationFile::parse({}, m_dir.filePath(QStringLiteral("x.ini"))).configuration;
    if (change == u"mailbox")
        c.mailboxes.append(MailboxSettings {});
    else if (change == u"lmtp")
        c.delivery.transport = Transport::Lmtp;
    else if (change == u"host")
        c.delivery.host = QStringLiteral("mail.office.example");
    else if (change == u"user")
        c.delivery.user = QStringLiteral("relay");
    else if (change == u"undeliverable")
        c.connector.undeliverableMailbox = QStringLiteral("postmaster@office.example");
    else if (change == u"interval")
        c.connector.intervalMinutes = 5;
    QCOMPARE(FirstRunWizard::isWanted(c), wanted);
}

// As the desktop entry starts it: --config names a file that is not there. As a normal user
// (nobody, when the test runs as root) and as root: the spool is the documented default under
// the user's home, the socket is inside it (no runtime folder here), event 1000 names it, and
// nothing else appears: not in the working folder, not in /.
void TestFirstRun::missingConfigurationCreatesNothingOutsideTheSpool_data()
{
    QTest::addColumn<bool>("asRoot");
    QTest::newRow("normal user") << false;
    if (::geteuid() == 0)
        QTest::newRow("root") << true;
}

void TestFirstRun::missingConfigurationCreatesNothingOutsideTheSpool()
{
    QFETCH(bool, asRoot);
    const bool drop = !asRoot && ::geteuid() == 0;
    const int uid = drop ? 65534 : -1;
    // Under /tmp itself: the test's own temporary folder may be closed to other users.
    QTemporaryDir top(QStringLiteral("/tmp/p3c-firstrun-XXXXXX"));
    QVERIFY(top.isValid());
    QVERIFY(::chmod(QFile::encodeName(top.path()).constData(), 0711) == 0);
    const QString base = top.filePath(asRoot ? QStringLiteral("root") : QStringLiteral("user"));
    const QString home = base + QStringLiteral("/home");
    const QString cwd = base + QStringLiteral("/cwd");
    QVERIFY(QDir().mkpath(home) && QDir().mkpath(cwd));
    if (drop) {
        for (const QString &p : {base, home, cwd})
            QVERIFY(::chown(QFile::encodeName(p).constData(), 65534, 65534) == 0);
    }
    const QString config = home + QStringLiteral("/.config/pop3connector/pop3connector.ini");
    const QStringList rootBefore = QDir(QStringLiteral("/")).entryList(QDir::AllEntries);

    QByteArray output;
    std::unique_ptr<ChildProcess> daemon = startDaemon(config, home, cwd, uid, &output);
    QVERIFY(daemon->waitForStarted(10000));
    const QString spool = home + QStringLiteral("/.local/share/pop3connector/spool");
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(spool + QStringLiteral("/state/control")), 20000);
    QTRY_VERIFY(daemon->bytesAvailable() > 0 || !output.isEmpty());
    daemon->terminate();
    QVERIFY(daemon->waitForFinished(30000));
    output += daemon->readAll();
    const QString said = QString::fromUtf8(output);
    QVERIFY2(said.contains(QStringLiteral(" 1000 ")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("spool %1.").arg(spool)), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("spool .")), qPrintable(said));

    // Under the base: only the spool's folders and the folders leading to it.
    const QStringList leading = {QStringLiteral("home"), QStringLiteral("home/.local"),
        QStringLiteral("home/.local/share"), QStringLiteral("home/.local/share/pop3connector"),
        QStringLiteral("home/.local/share/pop3connector/spool"), QStringLiteral("cwd")};
    for (const QString &path : treeOf(base)) {
        QVERIFY2(leading.contains(path)
                || path.startsWith(QStringLiteral("home/.local/share/pop3connector/spool/")),
            qPrintable(path));
    }
    QVERIFY(treeOf(cwd).isEmpty());
    QVERIFY(!QFile::exists(config));
    // Nothing in /.
    const QStringList rootAfter = QDir(QStringLiteral("/")).entryList(QDir::AllEntries);
    for (const QString &name : rootAfter)
        QVERIFY2(rootBefore.contains(name), qPrintable(name));
    for (const QString &name : kSpoolOnly)
        QVERIFY2(!QFile::exists(u'/' + name) || rootBefore.contains(name), qPrintable(name));
    // The spool is the user's own.
    struct stat st = {};
    QVERIFY(::stat(QFile::encodeName(spool).constData(), &st) == 0);
    QCOMPARE(int(st.st_uid), drop ? 65534 : int(::geteuid()));
}

int TestFirstRun::retrievedCount() const
{
    const QString spool = m_service->configuration().connector.spool;
    int n = 0;
    for (const char *folder : {"Incoming Mail", "PickUp", "Failed Mail", "BadMail"})
        n += int(QDir(spool + u'/' + QLatin1String(folder)).entryList(QDir::Files).size());
    return n + m_dovecot.messageCount(QStringLiteral("alice"));
}

// The manager on a service that started without a file: the assistant opens by itself; each
// page goes to the service; Test delivery fails clearly on a stopped port and on a rejected
// recipient and passes against Dovecot's LMTP; nothing is retrieved until the schedule page
// turns the schedule on.
void TestFirstRun::assistantEndToEnd()
{
    // The session's own folders (with-keyring.sh): the service's keychain is the real one.
    m_ini = m_dir.filePath(QStringLiteral("assistant/pop3connector.ini"));
    QVERIFY(!QFile::exists(m_ini));
    m_daemon = startDaemon(m_ini, {}, m_dir.path(), -1, nullptr);
    QVERIFY(m_daemon->waitForStarted(10000));
    const QString socket =
        Control::socketPath(ConfigurationFile::loadOrDefaults(m_ini).configuration);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 20000);

    // pop3connectorctl finds the service of a file that is not there yet.
    QProcess ctl;
    ctl.start(
        QStringLiteral(P3C_CTL), {QStringLiteral("--config"), m_ini, QStringLiteral("status")});
    QVERIFY(ctl.waitForFinished(20000));
    QVERIFY2(ctl.exitCode() == 0, ctl.readAllStandardError().constData());
    QVERIFY(ctl.readAllStandardOutput().contains("Mailboxes:"));

    m_service = std::make_unique<ServiceController>(m_ini);
    m_window = std::make_unique<MainWindow>(m_service.get(), &m_prompter, &m_language);
    m_window->resize(800, 600);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_service->connectToService();
    QTRY_VERIFY(m_service->isRunning());
    FirstRunWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = m_window->findChild<FirstRunWizard *>()));
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(wizard->currentId(), int(FirstRunWizard::DeliveryPage));
    // The manager and the service on defaults: no file, not even its folder, until a save.
    QVERIFY(!QFileInfo::exists(QFileInfo(m_ini).absolutePath()));
    QCOMPARE(m_service->configuration().connector.spool, ConnectorSettings::defaultSpool());
    // Delivery not cleared: Next is not offered.
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    // LMTP on a port where nothing listens.
    child<QComboBox>(wizard, "transportCombo")->setCurrentIndex(1);
    auto *port = child<QSpinBox>(wizard, "deliveryPortSpin");
    port->setValue(stoppedPort());
    auto *recipients = child<QLineEdit>(wizard, "testRecipientsEdit");
    recipients->setText(QStringLiteral("alice@office.example"));
    DeliveryTestPanel *test = wizard->deliveryTest();
    QTest::mouseClick(child<QPushButton>(wizard, "testDeliveryButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(test->state() == DeliveryTestPanel::State::Failed,
        qPrintable(test->result() + test->output()), 30000);
    QVERIFY2(test->result().contains(QStringLiteral("refused the connection"))
            || test->result().contains(QStringLiteral("cannot be reached")),
        qPrintable(test->result()));
    QVERIFY2(test->result().contains(QString::number(port->value())), qPrintable(test->result()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    // Dovecot's LMTP, and an address it does not know.
    port->setValue(m_dovecot.lmtpPort());
    QCOMPARE(test->state(), DeliveryTestPanel::State::Untested);
    recipients->setText(QStringLiteral("alice@office.example, nobody-here@office.example"));
    QTest::mouseClick(child<QPushButton>(wizard, "testDeliveryButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(test->state() == DeliveryTestPanel::State::Failed,
        qPrintable(test->result() + test->output()), 30000);
    QVERIFY2(test->result().contains(QStringLiteral("nobody-here@office.example"))
            && test->result().contains(QStringLiteral("rejected")),
        qPrintable(test->result()));
    QVERIFY(test->output().contains(QStringLiteral("C: LHLO")));
    QVERIFY(test->output().contains(QStringLiteral("C: RSET")));
    QVERIFY(!test->output().contains(QStringLiteral("DATA")));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    // Only the address it knows: the test passes, and Next is offered.
    recipients->setText(QStringLiteral("alice@office.example"));
    QTest::mouseClick(child<QPushButton>(wizard, "testDeliveryButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        test->state() == DeliveryTestPanel::State::Passed, qPrintable(test->result()), 30000);
    QVERIFY2(test->output().contains(QStringLiteral("alice@office.example")),
        qPrintable(test->output()));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    // Nothing was sent by the test.
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 0);

    wizard->next();
    QTRY_COMPARE(wizard->currentId(), int(FirstRunWizard::UndeliverablePage));
    // The service wrote the file: delivery, and the schedule off.
    QVERIFY(QFile::exists(m_ini));
    QTRY_COMPARE(m_service->configuration().delivery.transport, Transport::Lmtp);
    QCOMPARE(m_service->configuration().delivery.port, m_dovecot.lmtpPort());
    QVERIFY(!m_service->configuration().connector.scheduleEnabled);
    QFileInfo ini(m_ini);
    QCOMPARE(int(ini.permissions() & (QFileDevice::ReadOther | QFileDevice::WriteOther)), 0);

    // The undeliverable mailbox: empty says so.
    auto *warning = child<QLabel>(wizard, "undeliverableWarning");
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().startsWith(QStringLiteral("Not set")));
    QTest::keyClicks(child<QLineEdit>(wizard->currentPage(), "undeliverableMailboxEdit"),
        QStringLiteral("postmaster@office.example"));
    QVERIFY(!warning->isVisible());
    wizard->next();
    QTRY_COMPARE(wizard->currentId(), int(FirstRunWizard::MailboxPage));
    QTRY_COMPARE(m_service->configuration().connector.undeliverableMailbox,
        QStringLiteral("postmaster@office.example"));

    // The first mailbox, through the mailbox dialog.
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<MailboxDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("shop"));
        QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), QStringLiteral("127.0.0.1"));
        child<QComboBox>(dialog, "securityCombo")->setCurrentIndex(1); // STARTTLS
        child<QSpinBox>(dialog, "portSpin")->setValue(m_dovecot.pop3Port());
        QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("shop"));
        child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("shop-pw"));
        QTest::keyClicks(child<QLineEdit>(dialog, "caFileEdit"), m_dovecot.caFile());
        QTest::keyClicks(
            child<QLineEdit>(dialog, "localMailboxEdit"), QStringLiteral("alice@office.example"));
        filled = true;
        QMetaObject::invokeMethod(dialog, "accept");
    });
    QTest::mouseClick(child<QPushButton>(wizard, "firstRunAddMailboxButton"), Qt::LeftButton);
    QVERIFY(filled);
    QTRY_COMPARE(m_service->configuration().mailboxes.size(), 1);
    QTRY_VERIFY(child<QPushButton>(wizard, "firstRunTestConnectionButton")->isEnabled());
    QVERIFY(!m_service->configuration().connector.scheduleEnabled);

    // Test connection: the service logs in with the stored password and only lists.
    QTest::mouseClick(child<QPushButton>(wizard, "firstRunTestConnectionButton"), Qt::LeftButton);
    QLabel *result = nullptr;
    QTRY_VERIFY((result = wizard->findChild<QLabel *>(QStringLiteral("testConnectionResult"))));
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("connection works")), 20000);
    result->window()->close();
    QVERIFY(m_prompter.warnings.isEmpty());
    // Nothing retrieved so far: no schedule, and the messages are still on the server.
    QTest::qWait(500);
    QCOMPARE(retrievedCount(), 0);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 5);

    wizard->next();
    QTRY_COMPARE(wizard->currentId(), int(FirstRunWizard::SchedulePage));
    auto *enabled = child<QCheckBox>(wizard, "firstRunScheduleCheck");
    QVERIFY(enabled->isEnabled()); // delivery was tested
    QVERIFY(enabled->isChecked());
    child<QSpinBox>(wizard, "firstRunIntervalSpin")->setValue(1);
    QCOMPARE(m_service->nextRun(), QDateTime());
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(m_service->configuration().connector.scheduleEnabled);
    QCOMPARE(m_service->configuration().connector.intervalMinutes, 1);
    QTRY_VERIFY(m_window->findChild<FirstRunWizard *>() == nullptr);
    QFile f(m_ini);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("[mailbox.shop]"));
    QVERIFY(text.contains("transport = lmtp"));
    QVERIFY(text.contains("undeliverable_mailbox = postmaster@office.example"));
    QVERIFY(!text.contains("shop-pw"));
    // On the schedule, the mail is retrieved and delivered.
    QTRY_VERIFY_WITH_TIMEOUT(m_dovecot.messageCount(QStringLiteral("alice")) == 5, 90000);
    QVERIFY2(m_prompter.warnings.isEmpty(), qPrintable(m_prompter.warnings.join(u'\n')));
}

// The delivery dialog's Test delivery: the same method, on the dialog's settings before they
// are saved; the undeliverable mailbox field says when it is empty.
void TestFirstRun::assistantSignsInAnOAuthMailbox()
{
    // The service of the previous test. Its last mailbox logs in with a password: no sign-in.
    QVERIFY(m_service && m_service->isRunning());
    {
        FirstRunWizard wizard(m_service.get(), &m_prompter, m_window.get());
        wizard.setStartId(FirstRunWizard::MailboxPage);
        wizard.show();
        QVERIFY(!child<QPushButton>(&wizard, "firstRunSignInButton")->isVisible());
    }
    // An OAuth 2.0 mailbox, the last of the configuration: the assistant's mailbox page signs it
    // in.
    FakeOAuthProvider provider;
    QCOMPARE(provider.start(), QString());
    Configuration c = m_service->configuration();
    MailboxSettings carol =
        provider.mailbox(QStringLiteral("webmail"), QStringLiteral("carol"), m_dovecot.pop3Port());
    carol.enabled = false; // Dovecot here has no oauth2 passdb: only the sign-in is tried
    carol.localMailbox = QStringLiteral("alice@office.example");
    c.mailboxes.append(carol);
    QString saved = QStringLiteral("not yet");
    m_service->save(c, this, [&](const QString &error) { saved = error; });
    QTRY_COMPARE(saved, QString());
    QTRY_VERIFY(m_service->configuration().mailbox(QStringLiteral("webmail")));

    FirstRunWizard wizard(m_service.get(), &m_prompter, m_window.get());
    wizard.setStartId(FirstRunWizard::MailboxPage);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *signIn = child<QPushButton>(&wizard, "firstRunSignInButton");
    QVERIFY(signIn->isVisible());
    QVERIFY(signIn->isEnabled());
    const TestBrowser browser;
    QTest::mouseClick(signIn, Qt::LeftButton);
    auto *said = child<QLabel>(&wizard, "firstRunSignInStatus");
    QTRY_VERIFY_WITH_TIMEOUT(said->text().contains(QStringLiteral("webmail is signed in")), 20000);
    QCOMPARE(browser.opened().size(), 1);
    QVERIFY(browser.opened().first().toString().startsWith(carol.oauthAuthorizationUrl));
    QVERIFY(signIn->isEnabled()); // again, when the provider asks for it
    if (const QString folder = qEnvironmentVariable("P3C_SCREENSHOTS"); !folder.isEmpty())
        QVERIFY(wizard.grab().save(folder + QStringLiteral("/firstrun-signin-en.png")));
    QVERIFY(m_prompter.warnings.isEmpty());
}

void TestFirstRun::deliveryDialogTestsDelivery()
{
    QVERIFY(m_service && m_service->isRunning());
    m_prompter.folder = m_dir.filePath(QStringLiteral("other-spool"));
    DeliveryDialog dialog(m_service.get(), &m_prompter, m_window.get());
    dialog.show();
    auto *recipients = child<QLineEdit>(&dialog, "testRecipientsEdit");
    // The addresses delivery uses are checked by default.
    QVERIFY2(recipients->text().contains(QStringLiteral("alice@office.example"))
            && recipients->text().contains(QStringLiteral("postmaster@office.example")),
        qPrintable(recipients->text()));
    DeliveryTestPanel *test = dialog.testPanel();
    QTest::mouseClick(child<QPushButton>(&dialog, "testDeliveryButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        test->state() == DeliveryTestPanel::State::Passed, qPrintable(test->result()), 30000);

    // A stopped port, not saved: the test fails, the service's configuration is unchanged.
    child<QSpinBox>(&dialog, "deliveryPortSpin")->setValue(stoppedPort());
    QTest::mouseClick(child<QPushButton>(&dialog, "testDeliveryButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(test->state() == DeliveryTestPanel::State::Failed,
        qPrintable(test->result() + test->output()), 30000);
    QCOMPARE(m_service->configuration().delivery.port, m_dovecot.lmtpPort());

    // Browse... fills the spool folder; the PickUp folder is named under it.
    QTest::mouseClick(child<QPushButton>(&dialog, "spoolBrowseButton"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(&dialog, "spoolEdit")->text(), m_prompter.folder);
    QVERIFY(child<QLabel>(&dialog, "pickupFolderLabel")
                ->text()
                .contains(m_prompter.folder + QStringLiteral("/PickUp")));

    // Emptied, the undeliverable mailbox says "Not set" and warns; it is no placeholder.
    auto *undeliverable = child<QLineEdit>(&dialog, "undeliverableMailboxEdit");
    undeliverable->clear();
    QVERIFY(undeliverable->placeholderText().isEmpty());
    auto *warning = child<QLabel>(&dialog, "undeliverableWarning");
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().startsWith(QStringLiteral("Not set")));
    if (const QString folder = qEnvironmentVariable("P3C_SCREENSHOTS"); !folder.isEmpty())
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/delivery-dialog-en.png")));
    QTest::keyClicks(undeliverable, QStringLiteral("not an address"));
    QVERIFY(warning->text().contains(QStringLiteral("not an address")));
    dialog.accept();
    QVERIFY(dialog.isVisible()); // refused with the reason
    QVERIFY(!m_prompter.warnings.isEmpty());
    dialog.reject();
}

// Each page of the assistant, in English and Japanese, fits a screen of 800x600 (with room for
// the window's frame). With P3C_SCREENSHOTS=FOLDER, each is saved there as
// firstrun-LANG-N.png for docs/manager.md.
void TestFirstRun::everyPageFits800x600InBothLanguages()
{
    QVERIFY(m_service && m_service->isRunning());
    const QString folder = qEnvironmentVariable("P3C_SCREENSHOTS");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("ja")}) {
        m_language.apply(language);
        for (int page : {FirstRunWizard::DeliveryPage, FirstRunWizard::UndeliverablePage,
                 FirstRunWizard::MailboxPage, FirstRunWizard::SchedulePage}) {
            FirstRunWizard wizard(m_service.get(), &m_prompter);
            wizard.setStartId(page);
            wizard.restart();
            wizard.show();
            QVERIFY(QTest::qWaitForWindowExposed(&wizard));
            const QSize needed = wizard.minimumSizeHint().expandedTo(wizard.minimumSize());
            QVERIFY2(needed.width() <= 780 && needed.height() <= 560,
                qPrintable(QStringLiteral("%1 page %2: %3x%4")
                               .arg(language)
                               .arg(page)
                               .arg(needed.width())
                               .arg(needed.height())));
            QVERIFY(wizard.width() <= 780 && wizard.height() <= 560);
            // Every label has the height its wrapped text needs at this width.
            for (QLabel *label : wizard.currentPage()->findChildren<QLabel *>()) {
                if (label->isVisible() && label->wordWrap())
                    QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                        qPrintable(label->text()));
            }
            // The labels are the language's: no English left on a Japanese page.
            if (language == u"ja")
                QVERIFY(!wizard.currentPage()->title().contains(QLatin1Char('e')));
            if (!folder.isEmpty()) {
                QTest::qWait(100);
                QVERIFY(wizard.grab().save(
                    QStringLiteral("%1/firstrun-%2-%3.png").arg(folder, language).arg(page + 1)));
            }
        }
    }
    m_language.apply(QStringLiteral("en"));
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
