// The troubleshooter's report, message tracking and notifications in the real main window, on a
// real pop3connectord and Dovecot. P3C_SCREENSHOTS=DIR: also the views' pictures, en and ja.
#include "alertpolicy.h"
#include "childprocess.h"
#include "diagnosisview.h"
#include "dovecotfixture.h"
#include "findchild.h"
#include "language.h"
#include "mainwindow.h"
#include "prompter.h"
#include "servicecontroller.h"
#include "serviceprocess.h"
#include "spoolmodel.h"
#include "spooltab.h"
#include "testprompter.h"
#include "trackingview.h"
#include "traynotifier.h"
#include "troubleshootingtab.h"

#include <QApplication>
#include <QCborArray>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <sys/stat.h>

using namespace Pop3Connector;

namespace {

// Every line of a tree, depth first.
QStringList treeText(QTreeWidget *tree)
{
    QStringList out;
    std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
        QStringList columns;
        for (int c = 0; c < tree->columnCount(); ++c)
            columns.append(item->text(c));
        out.append(columns.join(u'\t'));
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i));
    return out;
}

} // namespace

class TestViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void trackingShowsADeliveredMessagesPath();
    void administratorAddressIsSaved();
    void failedMailBadgeFollowsTheFolder();
    void reportShowsTheFailingMailboxAndExports();
    void reportInTheReadersLanguage();
    void wrongPasswordOverThreeCyclesNotifiesOnce();
    void slowServerKeepsTheManagerResponsive();
    void unreachableServiceIsSaidPlainly();

private:
    [[nodiscard]] bool runCycle();
    [[nodiscard]] bool setPassword(const QString &mailbox, const QByteArray &password);
    void screenshot(const QString &name);

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    QString m_ini;
    ServiceProcess m_daemon;
    TestPrompter m_prompter;
    Language m_language;
    std::unique_ptr<ServiceController> m_service;
    std::unique_ptr<MainWindow> m_window;
    QList<Alert> m_alerts;
};

void TestViews::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("shop"), QStringLiteral("shop-pw")},
        {QStringLiteral("catchall"), QStringLiteral("all-pw")},
        {QStringLiteral("alice"), QStringLiteral("x")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_ini = m_dir.filePath(QStringLiteral("pop3connector.ini"));
    QFile f(m_ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[connector]\nspool = spool\nschedule_enabled = false\n"
                           "password_store = files\ncontrol_socket = run/control\n\n"
                           "[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %1\n\n"
                           "[mailbox.shop]\nhost = 127.0.0.1\nport = %2\nsecurity = none\n"
                           "user = shop\nlocal_mailbox = alice@office.example\n\n"
                           "[mailbox.catchall]\nhost = 127.0.0.1\nport = %2\nsecurity = none\n"
                           "user = catchall\ntype = global\naccepted_domains = office.example\n"
                           "rule1 = *@office.example -> *@office.example\n")
                .arg(m_dovecot.lmtpPort())
                .arg(m_dovecot.pop3Port())
                .toUtf8());
    f.close();
    // An English service: what it judges, the manager shows in its reader's language.
    QVERIFY(
        m_daemon.start(m_ini, m_dir.filePath(QStringLiteral("run/control")), QStringLiteral("C")));
    m_prompter.folder = m_dir.path();
    m_language.apply(QStringLiteral("en"));
    m_service = std::make_unique<ServiceController>(m_ini);
    m_window = std::make_unique<MainWindow>(m_service.get(), &m_prompter, &m_language);
    m_window->resize(1200, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    connect(m_window->notifier(), &TrayNotifier::notified, this,
        [this](const Alert &a) { m_alerts.append(a); });
    m_service->connectToService();
    QTRY_VERIFY(m_service->isRunning());
    QVERIFY(setPassword(QStringLiteral("shop"), "shop-pw"));
    QVERIFY(setPassword(QStringLiteral("catchall"), "all-pw"));
}

void TestViews::cleanupTestCase()
{
    m_window.reset();
    m_service.reset();
    m_daemon.stop();
}

bool TestViews::setPassword(const QString &mailbox, const QByteArray &password)
{
    // Shared: the reply may come after a failed test has left this frame.
    auto saved = std::make_shared<QString>(QStringLiteral("not yet"));
    m_service->setPassword(mailbox, password, this, [saved](const QString &e) { *saved = e; });
    return QTest::qWaitFor([saved] { return saved->isEmpty(); }, 20000);
}

bool TestViews::runCycle()
{
    // The status asked for at the cycle's end carries the service's problems: waited for too.
    int statusAtEnd = -1;
    QSignalSpy status(m_service.get(), &ServiceController::statusChanged);
    QMetaObject::Connection c = connect(m_service.get(), &ServiceController::cycleFinished, this,
        [&] { statusAtEnd = int(status.count()); });
    if (!QTest::qWaitFor([this] { return !m_service->isCycleRunning(); }, 60000))
        return false;
    m_service->retrieveNow();
    const bool done =
        QTest::qWaitFor([&] { return statusAtEnd >= 0 && status.count() > statusAtEnd; }, 90000);
    disconnect(c);
    return done;
}

void TestViews::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("P3C_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("ja")}) {
        m_language.apply(language);
        QTest::qWait(400);
        m_window->grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, language, name));
    }
    m_language.apply(QStringLiteral("en"));
}

void TestViews::trackingShowsADeliveredMessagesPath()
{
    QVERIFY(m_dovecot
                .addMessages(QStringLiteral("shop"),
                    {"Message-ID: <order-4711@shop.example>\nFrom: customer@shop.example\n"
                     "To: shop@isp.example\nSubject: Order 4711\n\nplease send\n"})
                .isEmpty());
    QVERIFY(runCycle());
    QTRY_COMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 0);

    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    m_window->troubleshootingTab()->showPage(TroubleshootingTab::Page::Tracking);
    TrackingView *view = m_window->troubleshootingTab()->trackingView();
    QSignalSpy searched(view, &TrackingView::searched);
    QTest::keyClicks(child<QLineEdit>(view, "trackingSearchEdit"), QStringLiteral("ORDER-4711@"));
    QTest::mouseClick(child<QPushButton>(view, "trackingSearchButton"), Qt::LeftButton);
    QTRY_COMPARE(searched.count(), 1);
    auto *results = child<QTreeWidget>(view, "trackingResults");
    QCOMPARE(results->topLevelItemCount(), 1);
    QCOMPARE(results->topLevelItem(0)->text(1), QStringLiteral("delivered"));
    QCOMPARE(results->topLevelItem(0)->text(2), QStringLiteral("customer@shop.example"));
    QCOMPARE(results->topLevelItem(0)->text(3), QStringLiteral("Order 4711"));
    // Its path, in order: stored from the mailbox, routed to alice, delivered by LMTP.
    const QStringList timeline = treeText(child<QTreeWidget>(view, "trackingTimeline"));
    QCOMPARE(timeline.size(), 3);
    QVERIFY2(timeline[0].contains(QStringLiteral("Stored in Incoming Mail"))
            && timeline[0].contains(QStringLiteral("from mailbox shop")),
        qPrintable(timeline[0]));
    QVERIFY2(timeline[1].contains(QStringLiteral("Routed to PickUp"))
            && timeline[1].contains(QStringLiteral("alice@office.example")),
        qPrintable(timeline[1]));
    QVERIFY2(timeline[2].contains(QStringLiteral("Delivered"))
            && timeline[2].contains(QStringLiteral("alice@office.example")),
        qPrintable(timeline[2]));
    QVERIFY(child<QLabel>(view, "trackingPathTitle")->text().contains(QStringLiteral("delivered")));
    QVERIFY(!child<QPushButton>(view, "openInSpoolButton")->isEnabled()); // delivered
    // A text no message has: nothing found, said so.
    QTest::keyClicks(child<QLineEdit>(view, "trackingSearchEdit"), QStringLiteral("-nowhere"));
    QTest::keyClick(child<QLineEdit>(view, "trackingSearchEdit"), Qt::Key_Return);
    QTRY_COMPARE(searched.count(), 2);
    QCOMPARE(results->topLevelItemCount(), 0);
    QVERIFY(child<QLabel>(view, "trackingStatus")->text().startsWith(QStringLiteral("0 messages")));
}

void TestViews::administratorAddressIsSaved()
{
    // Written by the service into the file, as every other setting.
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    auto *edit = child<QLineEdit>(m_window.get(), "administratorEdit");
    QTest::keyClicks(edit, QStringLiteral("alice@office.example"));
    QTest::mouseClick(
        child<QPushButton>(m_window.get(), "applyTroubleshootingButton"), Qt::LeftButton);
    QTRY_COMPARE(m_service->configuration().connector.administratorAddress,
        QStringLiteral("alice@office.example"));
    QFile ini(m_ini);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(ini.readAll().contains("administrator_address = alice@office.example"));
    QVERIFY(m_prompter.warnings.isEmpty());
}

void TestViews::failedMailBadgeFollowsTheFolder()
{
    const QString spoolTitle = QStringLiteral("S&pool");
    QCOMPARE(m_window->tabs()->tabText(3), spoolTitle);
    // A message for nobody of ours and no undeliverable mailbox: Failed Mail.
    QVERIFY(m_dovecot
                .addMessages(QStringLiteral("catchall"),
                    {"Message-ID: <news-1@lists.example>\nFrom: list@lists.example\n"
                     "To: everyone@lists.example\nSubject: Newsletter\n\nhello\n",
                        "Message-ID: <news-2@lists.example>\nFrom: list@lists.example\n"
                        "To: everyone@lists.example\nSubject: Newsletter 2\n\nhello\n"})
                .isEmpty());
    QVERIFY(runCycle());
    QTRY_COMPARE(m_window->tabs()->tabText(3), QStringLiteral("S&pool (2)"));
    QCOMPARE(m_window->notifier()->failedMail(), 2);
    QVERIFY(m_window->notifier()->summary().contains(QStringLiteral("Failed Mail (2)")));
    // One notification for the folder, not one per message.
    QTRY_COMPARE(m_alerts.size(), 1);
    QCOMPARE(m_alerts[0].key, QStringLiteral("failed-mail"));
    QCOMPARE(m_alerts[0].title, QStringLiteral("Mail arrived in Failed Mail"));
    QCOMPARE(m_window->notifier()->health(), Health::Warning);

    // Tracking finds it in Failed Mail and opens it in the Spool tab.
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    TrackingView *view = m_window->troubleshootingTab()->trackingView();
    QSignalSpy searched(view, &TrackingView::searched);
    auto *edit = child<QLineEdit>(view, "trackingSearchEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("news-2@lists.example"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(searched.count(), 1);
    auto *results = child<QTreeWidget>(view, "trackingResults");
    QCOMPARE(results->topLevelItemCount(), 1);
    QCOMPARE(results->topLevelItem(0)->text(1), QStringLiteral("Failed Mail"));
    const QString name = results->topLevelItem(0)->text(4);
    const QStringList timeline = treeText(child<QTreeWidget>(view, "trackingTimeline"));
    QVERIFY2(timeline.last().contains(QStringLiteral("Moved to Failed Mail")),
        qPrintable(timeline.join(u'\n')));
    screenshot(QStringLiteral("tracking"));
    auto *open = child<QPushButton>(view, "openInSpoolButton");
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->spoolTab());
    QCOMPARE(child<QListWidget>(m_window.get(), "folderList")->currentRow(), 1);
    auto *messages = child<QTableView>(m_window.get(), "messageTable");
    QTRY_COMPARE(messages->model()->rowCount(), 1);
    QCOMPARE(messages->model()->index(0, SpoolModel::Subject).data().toString(),
        QStringLiteral("Newsletter 2"));
    child<QLineEdit>(m_window.get(), "spoolFilterEdit")->clear();

    // Deleted (by the service, as the Spool tab asks it): the badge goes down with the folder.
    QCborMap params;
    params.insert(QStringLiteral("folder"), Control::folderKey(SpoolFolder::Failed));
    params.insert(QStringLiteral("names"), QCborArray {name});
    bool done = false;
    m_service->request(Control::Method::SpoolDelete, params, this,
        [&](const Result<QCborMap> &reply) { done = bool(reply); });
    QTRY_VERIFY(done);
    QTRY_COMPARE(m_window->tabs()->tabText(3), QStringLiteral("S&pool (1)"));
    QCOMPARE(m_window->notifier()->failedMail(), 1);
}

void TestViews::reportShowsTheFailingMailboxAndExports()
{
    QVERIFY(setPassword(QStringLiteral("shop"), "not the password"));
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    m_window->troubleshootingTab()->showPage(TroubleshootingTab::Page::Diagnostics);
    DiagnosisView *view = m_window->troubleshootingTab()->diagnosisView();
    QSignalSpy finished(view, &DiagnosisView::finished);
    QTest::mouseClick(child<QPushButton>(view, "diagnosticsButton"), Qt::LeftButton);
    // While the service works: said, the button waits, the window answers.
    QVERIFY(view->isRunning());
    QVERIFY(child<QProgressBar>(view, "diagnosticsBusy")->isVisible());
    QVERIFY(!child<QPushButton>(view, "diagnosticsButton")->isEnabled());
    QVERIFY(child<QLabel>(view, "diagnosticsStatus")->text().startsWith(QStringLiteral("Running")));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
    QVERIFY(!child<QProgressBar>(view, "diagnosticsBusy")->isVisible());

    // The download stage is the broken one: colour, symbol and word.
    QCOMPARE(view->verdict(DiagnosisView::Stage::Download), Verdict::Fail);
    const QString download = child<QToolButton>(view, "stageDownload")->text();
    QVERIFY2(download.contains(QStringLiteral("✖")) && download.contains(QStringLiteral("FAIL")),
        qPrintable(download));
    QVERIFY(child<QToolButton>(view, "stageDownload")
                ->styleSheet()
                .contains(QStringLiteral("#f7c9c9")));
    QVERIFY(!child<QToolButton>(view, "stageService")->text().contains(QStringLiteral("FAIL")));
    // The login finding with its fix, under the mailbox; its transcript with the password masked.
    const Finding *login =
        view->report().finding(QStringLiteral("mailbox.login"), QStringLiteral("shop"));
    QVERIFY(login);
    QCOMPARE(login->verdict, Verdict::Fail);
    QVERIFY(!login->fix.isEmpty());
    const QString tree = treeText(child<QTreeWidget>(view, "diagnosisTree")).join(u'\n');
    QVERIFY2(tree.contains(QStringLiteral("Mailbox shop\t✖ FAIL")), qPrintable(tree));
    QVERIFY2(tree.contains(login->title.english()), qPrintable(tree));
    QVERIFY2(
        tree.contains(QStringLiteral("What to do: ") + login->fix.english().split(u'\n').first()),
        qPrintable(tree));
    QVERIFY2(tree.contains(QStringLiteral("Conversation with the server\t")), qPrintable(tree));
    QVERIFY2(tree.contains(QStringLiteral("\nS: +OK")), qPrintable(tree));
    QVERIFY(!tree.contains(QStringLiteral("not the password")));
    // Chosen, the finding shows whole below the tree, its fix unshortened.
    auto *diagnosisTree = child<QTreeWidget>(view, "diagnosisTree");
    const QList<QTreeWidgetItem *> found =
        diagnosisTree->findItems(login->title.english(), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    diagnosisTree->setCurrentItem(found[0]);
    const QString detail = child<QTextBrowser>(view, "diagnosisDetail")->toPlainText();
    QVERIFY2(detail.contains(login->fix.english().replace(u'\n', u' '))
            || detail.contains(login->fix.english()),
        qPrintable(detail));
    QVERIFY(detail.contains(QStringLiteral("mailbox.login")));
    screenshot(QStringLiteral("diagnostics"));

    // Exported: a file of the user's choosing, dated, 0600, with the findings.
    QTest::mouseClick(child<QPushButton>(view, "exportDiagnosticsButton"), Qt::LeftButton);
    QCOMPARE(m_prompter.suggested,
        QStringLiteral("pop3connector-diagnostics-%1.txt")
            .arg(
                view->report().finished.toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"))));
    QFile file(m_dir.filePath(m_prompter.suggested));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral("Mailbox shop: FAIL")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("(mailbox.login)")));
    QVERIFY(text.contains(login->fix.english().split(u'\n').first()));
    QVERIFY(!text.contains(QStringLiteral("not the password")));
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(file.fileName()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    QVERIFY(m_prompter.warnings.isEmpty());
}

void TestViews::reportInTheReadersLanguage()
{
    // The English service's report of the previous test (the password is still wrong): a
    // Japanese reader sees the download stage's finding in Japanese, the server's reply as it came.
    DiagnosisView *view = m_window->troubleshootingTab()->diagnosisView();
    const Finding *login =
        view->report().finding(QStringLiteral("mailbox.login"), QStringLiteral("shop"));
    QVERIFY(login);
    QCOMPARE(login->title.english(), QStringLiteral("Login failed"));
    const QString loginJa = QStringLiteral("ログインに失敗しました");
    const QString fixJa = QStringLiteral("ユーザー名を確認し、パスワードを保存し直してください。");
    auto *tree = child<QTreeWidget>(view, "diagnosisTree");
    QVERIFY(m_language.apply(QStringLiteral("ja")));
    {
        // English again for the tests that follow, whatever fails here.
        const auto backToEnglish = qScopeGuard([this] { m_language.apply(QStringLiteral("en")); });
        // The switch is an event posted to every widget.
        QTRY_VERIFY(
            treeText(tree).join(u'\n').contains(QStringLiteral("メールボックス shop\t✖ 失敗")));
        const QString text = treeText(tree).join(u'\n');
        QVERIFY2(text.contains(loginJa + QStringLiteral("\t✖ 失敗")), qPrintable(text));
        QVERIFY2(text.contains(fixJa), qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("-ERR [AUTH] Authentication failed.")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Login failed")));
        // The evidence is the retrieval's sentence, the server's words kept as they came.
        QVERIFY2(text.contains(QStringLiteral("127.0.0.1 が shop のログインを拒否しました: "
                                              "\"Authentication failed.\" [AUTH]")),
            qPrintable(text));
        // Chosen, the detail pane says the same; the report exported now is in Japanese.
        const QList<QTreeWidgetItem *> found =
            tree->findItems(loginJa, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        tree->setCurrentItem(found[0]);
        const QString detail = child<QTextBrowser>(view, "diagnosisDetail")->toPlainText();
        QVERIFY2(detail.contains(loginJa) && detail.contains(fixJa), qPrintable(detail));
        QFile::remove(m_dir.filePath(m_prompter.suggested));
        QTest::mouseClick(child<QPushButton>(view, "exportDiagnosticsButton"), Qt::LeftButton);
        QFile file(m_dir.filePath(m_prompter.suggested));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString exported = QString::fromUtf8(file.readAll());
        QVERIFY2(exported.contains(
                     QStringLiteral("[失敗] ") + loginJa + QStringLiteral(" (mailbox.login)")),
            qPrintable(exported));
        QVERIFY2(exported.contains(QStringLiteral("対処: ") + fixJa), qPrintable(exported));
    }
    // A live switch back re-renders in English.
    QTRY_VERIFY(treeText(tree).join(u'\n').contains(QStringLiteral("Login failed\t✖ FAIL")));

    // pop3connectorctl diagnose under a Japanese locale, from the same English service.
    const auto diagnose = [this](const QString &lang) {
        QProcess ctl;
        ctl.setProcessEnvironment(environmentInLocale(lang));
        ctl.start(QStringLiteral(P3C_CTL),
            {QStringLiteral("--config"), m_ini, QStringLiteral("diagnose")});
        ctl.waitForFinished(120000);
        return QString::fromUtf8(ctl.readAllStandardOutput());
    };
    const QString ja = diagnose(QStringLiteral("ja_JP.UTF-8"));
    QVERIFY2(ja.contains(QStringLiteral("[失敗] ") + loginJa + QStringLiteral(" (mailbox.login)")),
        qPrintable(ja));
    QVERIFY2(ja.contains(QStringLiteral("対処: ") + fixJa), qPrintable(ja));
    QVERIFY2(ja.contains(QStringLiteral("-ERR [AUTH] Authentication failed.")), qPrintable(ja));
    const QString en = diagnose(QStringLiteral("C"));
    QVERIFY2(en.contains(QStringLiteral("[FAIL] Login failed (mailbox.login)")), qPrintable(en));
}

void TestViews::wrongPasswordOverThreeCyclesNotifiesOnce()
{
    // The password is still wrong (the previous test): three cycles, one notification.
    const auto shopAlerts = [this] {
        return std::count_if(m_alerts.cbegin(), m_alerts.cend(),
            [](const Alert &a) { return a.key == u"mailbox:shop"; });
    };
    QCOMPARE(shopAlerts(), 0);
    for (int cycle = 0; cycle < 3; ++cycle) {
        QVERIFY(runCycle());
        QTRY_COMPARE(shopAlerts(), 1);
    }
    QTest::qWait(1000);
    QCOMPARE(shopAlerts(), 1);
    const auto it = std::find_if(m_alerts.cbegin(), m_alerts.cend(),
        [](const Alert &a) { return a.key == u"mailbox:shop"; });
    QCOMPARE(it->title, QStringLiteral("Mailbox shop is failing"));
    QCOMPARE(it->severity, Health::Failing);
    QVERIFY(!it->text.isEmpty());
    QCOMPARE(m_window->notifier()->health(), Health::Failing);
    QVERIFY(m_window->notifier()->summary().contains(QStringLiteral("Mailbox shop is failing")));

    // Fixed, then broken again: a new problem, a new notification.
    QVERIFY(setPassword(QStringLiteral("shop"), "shop-pw"));
    QVERIFY(runCycle());
    // The cycle asked for may have been queued behind one already under way (a retrieval takes
    // up to Dovecot's growing delay after failed logins): the problem closes by the end of it.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::none_of(m_service->openProblems().cbegin(), m_service->openProblems().cend(),
            [](const OpenProblem &p) { return p.key == u"mailbox:shop"; }),
        30000);
    QVERIFY(setPassword(QStringLiteral("shop"), "wrong again"));
    QVERIFY(runCycle());
    QTRY_COMPARE(shopAlerts(), 2);

    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    m_window->troubleshootingTab()->showPage(TroubleshootingTab::Page::Events);
    auto *events = child<QTableView>(m_window.get(), "eventTable");
    events->selectRow(0);
    screenshot(QStringLiteral("troubleshooting"));
}

void TestViews::slowServerKeepsTheManagerResponsive()
{
    // A server that takes connections and never greets: the report waits out the timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Configuration c = m_service->configuration();
    c.connector.timeoutSeconds = 4;
    MailboxSettings slow;
    slow.name = QStringLiteral("slow");
    slow.host = QStringLiteral("127.0.0.1");
    slow.port = silent.serverPort();
    slow.security = Pop3Security::None;
    slow.user = QStringLiteral("slow");
    // With a password, so that the report goes as far as the greeting that never comes (without
    // one it stops at once at the missing password).
    QFile pw(m_dir.filePath(QStringLiteral("slow.pw")));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    QVERIFY(pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(pw.write("slow-pw\n"), qint64(8));
    pw.close();
    slow.passwordFile = pw.fileName();
    slow.localMailbox = QStringLiteral("alice@office.example");
    c.mailboxes.append(slow);
    auto saved = std::make_shared<QString>(QStringLiteral("not yet"));
    m_service->save(c, this, [saved](const QString &e) { *saved = e; });
    QTRY_COMPARE(*saved, QString());
    QTRY_VERIFY(m_service->configuration().mailbox(QStringLiteral("slow")));

    DiagnosisView *view = m_window->troubleshootingTab()->diagnosisView();
    // A report an earlier test asked for is over first, or this click would not start one.
    QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), 60000);
    QSignalSpy finished(view, &DiagnosisView::finished);
    QElapsedTimer run, tick;
    qint64 longestStall = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this,
        [&] { longestStall = std::max(longestStall, tick.restart()); });
    run.start();
    tick.start();
    ticker.start();
    QTest::mouseClick(child<QPushButton>(view, "diagnosticsButton"), Qt::LeftButton);
    // The seconds count up while it runs, and the other pages answer.
    auto *status = child<QLabel>(view, "diagnosticsStatus");
    QTRY_VERIFY2_WITH_TIMEOUT(
        status->text().contains(QStringLiteral("... 2 s")), qPrintable(status->text()), 5000);
    QVERIFY(view->isRunning());
    m_window->troubleshootingTab()->showPage(TroubleshootingTab::Page::Tracking);
    QTest::keyClick(child<QLineEdit>(m_window.get(), "trackingSearchEdit"), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
    ticker.stop();
    qInfo("diagnose with a silent server: %lld ms, longest UI-thread stall %lld ms", run.elapsed(),
        longestStall);
    QVERIFY(run.elapsed() >= 3000);
    QVERIFY(longestStall < 500);
    const auto &sections = view->report().sections;
    const auto slowSection = std::find_if(sections.cbegin(), sections.cend(),
        [](const DiagnosisSection &s) { return s.name == u"slow"; });
    QVERIFY(slowSection != sections.cend());
    QCOMPARE(slowSection->worst(), Verdict::Fail);
}

void TestViews::unreachableServiceIsSaidPlainly()
{
    m_daemon.process()->terminate();
    QVERIFY(m_daemon.process()->waitForFinished(30000));
    QTRY_VERIFY(!m_service->isRunning());
    DiagnosisView *view = m_window->troubleshootingTab()->diagnosisView();
    QTest::mouseClick(child<QPushButton>(view, "diagnosticsButton"), Qt::LeftButton);
    QVERIFY(!view->isRunning());
    const QString said = child<QLabel>(view, "diagnosticsStatus")->text();
    QVERIFY2(said.startsWith(QStringLiteral("The connector is not running")), qPrintable(said));
    QCOMPARE(m_window->notifier()->health(), Health::Failing);
}

QTEST_MAIN(TestViews)
#include "tst_views.moc"
