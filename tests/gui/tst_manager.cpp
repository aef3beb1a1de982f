// The manager as an administrator uses it: the real main window (offscreen), driven by object
// name, against a real pop3connectord process over its control socket and a real Dovecot (POP3
// and LMTP). The manager runs no stage and holds no password: the service does.
#include "childprocess.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "eventmodel.h"
#include "fakeoauthprovider.h"
#include "findchild.h"
#include "language.h"
#include "mailboxdialog.h"
#include "mailboxestab.h"
#include "mainwindow.h"
#include "prompter.h"
#include "scheduletab.h"
#include "servicecontroller.h"
#include "serviceprocess.h"
#include "spoolmodel.h"
#include "spooltab.h"
#include "testbrowser.h"
#include "testprompter.h"
#include "troubleshootingtab.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Pop3Connector;

namespace {

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
    void statusBarNamesTheService();
    void addMailboxThroughDialog();
    void testConnectionShowsDropListing();
    void retrieveNowWithLiveProgress();
    void failedMailIsRequeuedAndDelivered();
    void rejectedMailAndSpoolActionsInTheViewersLanguage();
    void eventsArriveAsTheyHappen();
    void twoManagersSeeTheSameEvents();
    void logLevelIsWrittenToTheConfiguration();
    void deliverySettingsThroughDialog();
    void killedServiceIsShownAndFoundAgain();
    void oauthMailboxSignsInFromTheManager();
    void japaneseTranslationIsComplete();
    void qtDialogsSpeakJapanese();
    void pluralsHaveTheirForms();
    void ctlFollowsTheLocale();

private:
    void failedMailInTheViewersLanguage();
    QString readIni() const;
    bool startDaemon();
    QString stateText() const;

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    QString m_ini;
    ServiceProcess m_daemon;
    TestPrompter m_prompter;
    Language m_language;
    std::unique_ptr<ServiceController> m_service;
    std::unique_ptr<MainWindow> m_window;
    QList<QByteArray> m_corpus;
};

void TestManager::initTestCase()
{
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

    // The service keeps passwords in files of its own (as the system service does); a comment
    // of the administrator's must survive every change the manager makes.
    m_ini = m_dir.filePath(QStringLiteral("pop3connector.ini"));
    QFile f(m_ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("; Kept by the office. Ask Tanaka.\n"
                           "[connector]\nspool = spool\nschedule_enabled = false\n"
                           "password_store = files\ncontrol_socket = run/control\n\n"
                           "[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %1\n")
                .arg(m_dovecot.lmtpPort())
                .toUtf8());
    f.close();
    QVERIFY(startDaemon());
    m_prompter.folder = m_dir.path();
    m_language.apply(QStringLiteral("en"));
    m_service = std::make_unique<ServiceController>(m_ini);
    m_window = std::make_unique<MainWindow>(m_service.get(), &m_prompter, &m_language);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_service->connectToService();
    QTRY_VERIFY(m_service->isRunning());
}

bool TestManager::startDaemon()
{
    // An English service: what it writes, the managers show in their own language.
    return m_daemon.start(
        m_ini, m_dir.filePath(QStringLiteral("run/control")), QStringLiteral("C"));
}

void TestManager::cleanupTestCase()
{
    m_window.reset();
    m_service.reset();
    m_daemon.stop();
}

QString TestManager::readIni() const
{
    QFile f(m_ini);
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll());
}

QString TestManager::stateText() const
{
    return child<QLabel>(m_window.get(), "serviceStateLabel")->text();
}

void TestManager::statusBarNamesTheService()
{
    // Who the manager talks to: the daemon's pid, user and version; the file in the title.
    QTRY_VERIFY(
        stateText().contains(QStringLiteral("pid %1").arg(m_daemon.process()->processId())));
    QVERIFY2(stateText().contains(QStringLiteral(PROJECT_VERSION)), qPrintable(stateText()));
    QVERIFY(m_window->windowTitle().contains(m_ini));
    QVERIFY(!child<QWidget>(m_window.get(), "serviceBanner")->isVisible());
}

void TestManager::addMailboxThroughDialog()
{
    m_window->tabs()->setCurrentWidget(m_window->mailboxesTab());
    QTRY_VERIFY(child<QPushButton>(m_window.get(), "addMailboxButton")->isEnabled());
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
    // The service wrote it (keeping the administrator's comment), the table shows what the
    // service has, and the password is in no file the manager wrote.
    auto *table = child<QTableWidget>(m_window.get(), "mailboxTable");
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("shop"));
    QVERIFY(readIni().contains(QStringLiteral("[mailbox.shop]")));
    QVERIFY(readIni().contains(QStringLiteral("local_mailbox = alice@office.example")));
    QVERIFY(readIni().startsWith(QStringLiteral("; Kept by the office. Ask Tanaka.\n")));
    QVERIFY(!readIni().contains(QStringLiteral("shop-pw")));
    // The password reached the service; whether it works, the next test asks the service.
    QTRY_VERIFY2(m_prompter.warnings.isEmpty(), qPrintable(m_prompter.warnings.join(u'\n')));
}

void TestManager::testConnectionShowsDropListing()
{
    // The service (another process) logs in with the password the dialog gave it.
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
    // The connector's own notes, written by an English service.
    QVERIFY2(transcript.contains(
                 QStringLiteral("-- connecting to 127.0.0.1 port %1").arg(m_dovecot.pop3Port())),
        qPrintable(transcript));
    QVERIFY2(transcript.contains(QStringLiteral("-- TLS: TLSv1")), qPrintable(transcript));
    result->window()->close();

    // A Japanese reader reads the notes in Japanese; the conversation stays as it was said.
    QVERIFY(m_language.apply(QStringLiteral("ja")));
    const auto backToEnglish = qScopeGuard([this] { m_language.apply(QStringLiteral("en")); });
    QTest::mouseClick(child<QPushButton>(m_window.get(), "testMailboxButton"), Qt::LeftButton);
    // The new dialog's transcript (the first dialog is closed, not gone).
    QPlainTextEdit *japanese = nullptr;
    QTRY_VERIFY([&] {
        for (auto *t :
            m_window->findChildren<QPlainTextEdit *>(QStringLiteral("testConnectionTranscript"))) {
            if (t->isVisible())
                japanese = t;
        }
        return japanese != nullptr;
    }());
    QTRY_VERIFY_WITH_TIMEOUT(japanese->toPlainText().contains(QStringLiteral("S: +OK 40 ")), 20000);
    const QString ja = japanese->toPlainText();
    QVERIFY2(
        ja.contains(
            QStringLiteral("-- 127.0.0.1 のポート %1 に接続しています").arg(m_dovecot.pop3Port())),
        qPrintable(ja));
    QVERIFY2(ja.contains(QStringLiteral("-- TLS で暗号化: TLSv1")), qPrintable(ja));
    QVERIFY(ja.contains(QStringLiteral("C: STLS")) && ja.contains(QStringLiteral("C: STAT")));
    QVERIFY(!ja.contains(QStringLiteral("connecting to")));
    japanese->window()->close();
}

void TestManager::retrieveNowWithLiveProgress()
{
    // Delivery stopped on its own (Service menu): mail collects in PickUp, visible in the Spool
    // tab.
    auto *dispatch = m_window->findChild<QAction *>(QStringLiteral("dispatchToggleAction"));
    dispatch->trigger();
    QTRY_VERIFY(!m_service->isDispatchEnabled());
    QTRY_VERIFY(child<QLabel>(m_window.get(), "stagesLabel")
                    ->text()
                    .contains(QStringLiteral("Delivery: stopped")));
    m_window->tabs()->setCurrentWidget(m_window->scheduleTab());
    QTRY_VERIFY(child<QPushButton>(m_window.get(), "retrieveNowButton")->isEnabled());
    // Progress arrives while the cycle runs, before its end is told.
    QList<MailboxProgress> seen;
    bool finished = false;
    int progressBeforeEnd = 0;
    connect(m_service.get(), &ServiceController::progressed, this,
        [&](const MailboxProgress &p) { seen.append(p); });
    connect(m_service.get(), &ServiceController::cycleFinished, this, [&] {
        if (!finished)
            progressBeforeEnd = int(seen.size());
        finished = true;
    });
    QTest::mouseClick(child<QPushButton>(m_window.get(), "retrieveNowButton"), Qt::LeftButton);
    auto *overall = child<QProgressBar>(m_window.get(), "overallProgress");
    QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
    QCOMPARE(overall->value(), 100);
    QVERIFY(progressBeforeEnd > 0);
    QCOMPARE(seen.last().mailbox, QStringLiteral("shop"));
    QCOMPARE(seen.last().messagesDone, 40);
    auto *progress = child<QTableWidget>(m_window.get(), "progressTable");
    QCOMPARE(progress->item(0, 0)->text(), QStringLiteral("shop"));
    QCOMPARE(progress->item(0, 2)->text(), QStringLiteral("40 of 40"));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 0);
    disconnect(m_service.get(), nullptr, this, nullptr);

    m_window->tabs()->setCurrentWidget(m_window->spoolTab());
    auto *folders = child<QListWidget>(m_window.get(), "folderList");
    folders->setCurrentRow(2); // PickUp
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(2)->text().endsWith(QStringLiteral("(40)")), 10000);
    auto *messages = child<QTableView>(m_window.get(), "messageTable");
    QTRY_COMPARE(messages->model()->rowCount(), 40);
    QStringList subjects;
    for (int row = 0; row < 40; ++row)
        subjects.append(messages->model()->index(row, SpoolModel::Subject).data().toString());
    QVERIFY(std::any_of(subjects.cbegin(), subjects.cend(), [](const QString &s) {
        return s.contains(QStringLiteral("お世話になっております"))
            || s.contains(QStringLiteral("会議の議事録")) || s.contains(QStringLiteral("見積書"));
    }));
    // Sorted by size (its value), filtered by a word of the subject.
    messages->sortByColumn(SpoolModel::Size, Qt::DescendingOrder);
    const auto size = [messages](int row) {
        return messages->model()
            ->index(row, SpoolModel::Size)
            .data(SpoolModel::SortRole)
            .toLongLong();
    };
    QVERIFY(size(0) > size(39));
    auto *filter = child<QLineEdit>(m_window.get(), "spoolFilterEdit");
    filter->setText(QStringLiteral("見積書"));
    const int found = messages->model()->rowCount();
    QVERIFY(found > 0 && found < 40);
    for (int row = 0; row < found; ++row) {
        QVERIFY(messages->model()
                    ->index(row, SpoolModel::Subject)
                    .data()
                    .toString()
                    .contains(QStringLiteral("見積書")));
    }
    filter->clear();
    QCOMPARE(messages->model()->rowCount(), 40);
    // The preview comes from the service.
    messages->selectRow(0);
    auto *preview = m_window->findChild<QWidget *>(QStringLiteral("previewPane"));
    QTRY_VERIFY(!preview->property("plainText").toString().isEmpty());
    QCOMPARE(maildirCount(m_dovecot, QStringLiteral("alice")), 0);

    // Mail that arrives while a message is selected joins the rows; the selection stays on the
    // message (the folder is not listed from scratch).
    const auto selectedName = [messages] {
        const QModelIndexList rows = messages->selectionModel()->selectedRows(SpoolModel::Name);
        return rows.size() == 1 ? rows.first().data().toString() : QString();
    };
    const QString chosen = selectedName();
    QVERIFY(!chosen.isEmpty());
    QCOMPARE(m_dovecot.addMessages(QStringLiteral("shop"),
                 {"Message-ID: <late@shop.example>\nFrom: late@shop.example\n"
                  "To: shop@office.example\nSubject: late\n\nlate\n"}),
        QString());
    m_service->retrieveNow();
    QTRY_COMPARE_WITH_TIMEOUT(messages->model()->rowCount(), 41, 30000);
    QCOMPARE(selectedName(), chosen);

    // Delivery on again: the next cycle drains PickUp into alice's mailbox.
    dispatch->trigger();
    QTRY_VERIFY(m_service->isDispatchEnabled());
    m_service->retrieveNow();
    QTRY_COMPARE_WITH_TIMEOUT(maildirCount(m_dovecot, QStringLiteral("alice")), 41, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(2)->text().endsWith(QStringLiteral("(0)")), 10000);
    QTRY_COMPARE(messages->model()->rowCount(), 0);
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
    c.mailboxes.append(all);
    QString saved = QStringLiteral("not yet");
    m_service->save(c, this, [&](const QString &error) { saved = error; });
    QTRY_COMPARE(saved, QString());
    QTRY_VERIFY(m_service->configuration().mailbox(QStringLiteral("catchall")));
    saved = QStringLiteral("not yet");
    m_service->setPassword(
        QStringLiteral("catchall"), "all-pw", this, [&](const QString &error) { saved = error; });
    QTRY_COMPARE(saved, QString());
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
    failedMailInTheViewersLanguage();
    if (QTest::currentTestFailed())
        return;

    // The event that says it went there opens it in the Spool tab, wherever the tab was.
    folders->setCurrentRow(0);
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    m_window->troubleshootingTab()->showPage(TroubleshootingTab::Page::Events);
    auto *events = child<QTableView>(m_window.get(), "eventTable");
    QModelIndex moved;
    QTRY_VERIFY([&] {
        for (int row = 0; row < events->model()->rowCount(); ++row) {
            if (events->model()->index(row, EventModel::Id).data().toString() == u"1071")
                moved = events->model()->index(row, 0);
        }
        return moved.isValid();
    }());
    events->setCurrentIndex(moved);
    events->setFocus();
    QTest::keyClick(events, Qt::Key_Return); // as a double-click: the view's "activated"
    QTRY_COMPARE(m_window->tabs()->currentWidget(), m_window->spoolTab());
    QCOMPARE(folders->currentRow(), 1);
    auto *spoolFilter = child<QLineEdit>(m_window.get(), "spoolFilterEdit");
    QVERIFY2(spoolFilter->text().contains(u'-'), qPrintable(spoolFilter->text())); // its name
    QTRY_COMPARE(child<QTableView>(m_window.get(), "messageTable")->model()->rowCount(), 1);
    spoolFilter->clear();

    // Requeued while its cause is not fixed, it would only come back: the manager says so first,
    // and the administrator who says no moves nothing.
    auto *messages = child<QTableView>(m_window.get(), "messageTable");
    QTRY_COMPARE(messages->model()->rowCount(), 1);
    messages->selectRow(0);
    QTRY_VERIFY(child<QPushButton>(m_window.get(), "requeueButton")->isEnabled());
    m_prompter.confirmations.clear();
    m_prompter.answer = false;
    QTest::mouseClick(child<QPushButton>(m_window.get(), "requeueButton"), Qt::LeftButton);
    QTRY_COMPARE(m_prompter.confirmations.size(), 1);
    m_prompter.answer = true;
    QVERIFY2(m_prompter.confirmations.first().contains(u"would go back to Failed Mail"_qs)
            && m_prompter.confirmations.first().contains(u"undeliverable"_qs),
        qPrintable(m_prompter.confirmations.first()));
    QTRY_COMPARE(child<QLabel>(m_window.get(), "spoolStatusLabel")->text(),
        QStringLiteral("Nothing was requeued."));
    QVERIFY(folders->item(1)->text().endsWith(QStringLiteral("(1)")));

    // The administrator sets the undeliverable-mail mailbox, then requeues the message.
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    auto *undeliverable = child<QLineEdit>(m_window.get(), "undeliverableEdit");
    undeliverable->clear();
    QTest::keyClicks(undeliverable, QStringLiteral("postmaster@office.example"));
    QTest::mouseClick(
        child<QPushButton>(m_window.get(), "applyTroubleshootingButton"), Qt::LeftButton);
    QTRY_VERIFY(
        readIni().contains(QStringLiteral("undeliverable_mailbox = postmaster@office.example")));
    QTRY_COMPARE(m_service->configuration().connector.undeliverableMailbox,
        QStringLiteral("postmaster@office.example"));

    m_window->tabs()->setCurrentWidget(m_window->spoolTab());
    folders->setCurrentRow(1);
    QTRY_COMPARE(messages->model()->rowCount(), 1);
    messages->selectRow(0);
    QTRY_VERIFY(child<QPushButton>(m_window.get(), "requeueButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(m_window.get(), "requeueButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(1)->text().endsWith(QStringLiteral("(0)")), 10000);
    QTRY_COMPARE(messages->model()->rowCount(), 0);
    QCOMPARE(m_prompter.confirmations.size(), 1); // the cause is fixed: no question this time
    QVERIFY2(m_prompter.warnings.isEmpty(), qPrintable(m_prompter.warnings.join(u'\n')));
    m_service->retrieveNow();
    QTRY_COMPARE_WITH_TIMEOUT(maildirCount(m_dovecot, QStringLiteral("postmaster")), 1, 30000);
}

void TestManager::failedMailInTheViewersLanguage()
{
    // The English service (LANG=C) wrote the Failed Mail reason and the event; this manager
    // shows both in English, then in Japanese after a switch, and the log file keeps English.
    auto *messages = child<QTableView>(m_window.get(), "messageTable");
    QTRY_COMPARE(messages->model()->rowCount(), 1);
    const auto reason = [&] {
        return messages->model()->index(0, SpoolModel::Reason).data().toString();
    };
    const auto failedEvent = [&]() -> QString {
        auto *events = child<QTableView>(m_window.get(), "eventTable");
        for (int row = 0; row < events->model()->rowCount(); ++row) {
            if (events->model()->index(row, EventModel::Id).data().toInt()
                == int(EventId::NoRecipientFailed))
                return events->model()->index(row, EventModel::Text).data().toString();
        }
        return {};
    };
    QTRY_VERIFY(!failedEvent().isEmpty());
    QVERIFY2(reason().startsWith(QStringLiteral("no recipient of the message is in the accepted")),
        qPrintable(reason()));
    QVERIFY2(failedEvent().contains(QStringLiteral("was moved to Failed Mail: no recipient")),
        qPrintable(failedEvent()));
    messages->selectRow(0);
    auto *preview = child<QTextBrowser>(m_window.get(), "previewPane");
    QTRY_VERIFY2(preview->toPlainText().contains(u"Reason: no recipient of the message"_qs),
        qPrintable(preview->toPlainText()));

    QVERIFY(m_language.apply(QStringLiteral("ja")));
    // English again for the tests that follow, whatever fails here.
    const auto backToEnglish = qScopeGuard([this] { m_language.apply(QStringLiteral("en")); });
    QVERIFY2(reason().startsWith(QStringLiteral("メッセージのどの受信者も受け入れドメイン")),
        qPrintable(reason()));
    QVERIFY2(
        reason().contains(QStringLiteral("配信不能メール用メールボックス (undeliverable_mailbox) "
                                         "が設定されていません")),
        qPrintable(reason()));
    QVERIFY2(failedEvent().contains(
                 QStringLiteral("を Failed Mail に移しました: メッセージのどの受信者も")),
        qPrintable(failedEvent()));
    // The preview's labels and reason follow the switch too (the change is an event posted).
    QTRY_VERIFY2(preview->toPlainText().contains(u"件名: "_qs)
            && preview->toPlainText().contains(u"理由: メッセージのどの受信者も"_qs),
        qPrintable(preview->toPlainText()));
    // Dates with four-digit years, in the order of the language.
    const QString when = messages->model()->index(0, SpoolModel::Received).data().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^20\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d\\b"))
                 .match(when)
                 .hasMatch(),
        qPrintable(when));
    QVERIFY(m_language.apply(QStringLiteral("en")));
    QVERIFY(reason().startsWith(QStringLiteral("no recipient of the message")));
    const QString english = messages->model()->index(0, SpoolModel::Received).data().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{1,2} [A-Z][a-z]{2} 20\\d\\d \\d\\d:\\d\\d\\b"))
                 .match(english)
                 .hasMatch(),
        qPrintable(english));

    // The log file, for grep: English, whatever language reads it.
    QFile log(m_dir.filePath(QStringLiteral("spool/log/events.log")));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
    const QByteArray lines = log.readAll();
    QVERIFY(
        lines.contains("was moved to Failed Mail: no recipient of the message is in the accepted"));
    QVERIFY(!lines.contains("Failed Mail に移しました"));
}

void TestManager::rejectedMailAndSpoolActionsInTheViewersLanguage()
{
    // A message for a local user the mail server does not know: the English service (LANG=C)
    // puts it in BadMail, its reason a sentence around the server's reply.
    QVERIFY(m_dovecot
                .addMessages(QStringLiteral("catchall"),
                    {"Message-ID: <ghost@lists.example>\nFrom: list@lists.example\n"
                     "To: ghost@office.example\nSubject: For nobody\n\nhello\n"})
                .isEmpty());
    QTRY_VERIFY(!m_service->isCycleRunning());
    m_service->retrieveNow();
    m_window->tabs()->setCurrentWidget(m_window->spoolTab());
    auto *folders = child<QListWidget>(m_window.get(), "folderList");
    folders->setCurrentRow(3); // BadMail
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(3)->text().endsWith(QStringLiteral("(1)")), 30000);
    QTRY_VERIFY(!m_service->isCycleRunning());
    auto *messages = child<QTableView>(m_window.get(), "messageTable");
    QTRY_COMPARE(messages->model()->rowCount(), 1);
    const auto reason = [&] {
        return messages->model()->index(0, SpoolModel::Reason).data().toString();
    };
    const QString english = QStringLiteral("the local mail server rejected it: ");
    QVERIFY2(reason().startsWith(english + QStringLiteral("ghost@office.example: 550 ")),
        qPrintable(reason()));
    const QString reply = reason().mid(english.size());
    QVERIFY2(reply.contains(QStringLiteral("ghost")), qPrintable(reply));
    const auto eventText = [&](EventId id) -> QString {
        auto *events = child<QTableView>(m_window.get(), "eventTable");
        for (int row = 0; row < events->model()->rowCount(); ++row) {
            if (events->model()->index(row, EventModel::Id).data().toInt() == int(id))
                return events->model()->index(row, EventModel::Text).data().toString();
        }
        return {};
    };

    QVERIFY(m_language.apply(QStringLiteral("ja")));
    {
        // English again for the tests that follow, whatever fails here.
        const auto backToEnglish = qScopeGuard([this] { m_language.apply(QStringLiteral("en")); });
        // The reason in Japanese, the server's reply in it word for word.
        QTRY_COMPARE(
            reason(), QStringLiteral("ローカル メール サーバーが受け取りを拒否しました: ") + reply);
        // The requeue of the previous test, an administrator's action, in Japanese.
        QVERIFY2(eventText(EventId::MessageRequeued)
                     .contains(QStringLiteral("を Failed Mail から再処理に回しました。")),
            qPrintable(eventText(EventId::MessageRequeued)));
        // Deleted now: the action's event in Japanese too.
        messages->selectRow(0);
        QTRY_VERIFY(child<QPushButton>(m_window.get(), "deleteButton")->isEnabled());
        m_prompter.answer = true;
        QTest::mouseClick(child<QPushButton>(m_window.get(), "deleteButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(folders->item(3)->text().endsWith(QStringLiteral("(0)")), 10000);
        QTRY_VERIFY2(eventText(EventId::MessageDeleted)
                         .contains(QStringLiteral("を BadMail から削除しました。")),
            qPrintable(eventText(EventId::MessageDeleted)));
    }
    QTRY_VERIFY(
        eventText(EventId::MessageDeleted).contains(QStringLiteral("was deleted from BadMail by")));
    // The log file keeps English.
    QFile log(m_dir.filePath(QStringLiteral("spool/log/events.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray lines = log.readAll();
    QVERIFY(lines.contains(
        "and was moved to BadMail: the local mail server rejected it: ghost@office.example: 550 "));
    QVERIFY(lines.contains("was deleted from BadMail by"));
    folders->setCurrentRow(0);
}

void TestManager::eventsArriveAsTheyHappen()
{
    // The history came at connection; an event the service raises now appears without a
    // reload: a configuration change (event 1112) made by another client of the service.
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    auto *events = child<QTableView>(m_window.get(), "eventTable");
    QTRY_VERIFY(events->model()->rowCount() > 0);
    const int before = events->model()->rowCount();
    QString saved = QStringLiteral("not yet");
    ServiceController other(m_ini);
    other.connectToService();
    QTRY_VERIFY(other.isRunning());
    QTRY_VERIFY(other.configuration().mailbox(QStringLiteral("shop")));
    Configuration c = other.configuration();
    c.connector.intervalMinutes = 17;
    other.save(c, &other, [&](const QString &error) { saved = error; });
    QTRY_COMPARE(saved, QString());
    // Among the new rows (newest first): applying the change may raise events of its own.
    const auto arrived = [&] {
        for (int row = 0; row < events->model()->rowCount() - before; ++row) {
            if (events->model()->index(row, EventModel::Id).data().toString() == u"1112")
                return true;
        }
        return false;
    };
    QTRY_VERIFY(arrived());
    // And the change shows in this manager's Schedule tab.
    QTRY_COMPARE(child<QSpinBox>(m_window.get(), "intervalSpin")->value(), 17);
}

void TestManager::twoManagersSeeTheSameEvents()
{
    ServiceController service(m_ini);
    MainWindow second(&service, &m_prompter, &m_language);
    second.show();
    service.connectToService();
    QTRY_VERIFY(service.isRunning());
    auto *mine = child<QTableView>(m_window.get(), "eventTable");
    auto *theirs = child<QTableView>(&second, "eventTable");
    QTRY_VERIFY(theirs->model()->rowCount() > 0);
    const int mineBefore = mine->model()->rowCount();
    const int theirsBefore = theirs->model()->rowCount();
    // The schedule changed from the second manager: both see the service's event at once.
    auto *interval = child<QSpinBox>(&second, "intervalSpin");
    interval->setValue(23);
    Q_EMIT interval->editingFinished();
    QTRY_VERIFY(mine->model()->rowCount() > mineBefore);
    QTRY_VERIFY(theirs->model()->rowCount() > theirsBefore);
    QCOMPARE(mine->model()->index(0, EventModel::Id).data().toString(), QStringLiteral("1112"));
    QCOMPARE(mine->model()->index(0, EventModel::Text).data(),
        theirs->model()->index(0, EventModel::Text).data());
    QTRY_COMPARE(child<QSpinBox>(m_window.get(), "intervalSpin")->value(), 23);
}

void TestManager::logLevelIsWrittenToTheConfiguration()
{
    m_window->tabs()->setCurrentWidget(m_window->troubleshootingTab());
    auto *level = child<QComboBox>(m_window.get(), "logLevelCombo");
    level->setCurrentIndex(3);
    Q_EMIT level->activated(3);
    QTRY_VERIFY(readIni().contains(QStringLiteral("log_level = maximum")));
    QTRY_COMPARE(m_service->configuration().connector.logLevel, LogLevel::Maximum);
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
    QTRY_VERIFY(readIni().contains(QStringLiteral("transport = pickup")));
    QTRY_VERIFY(
        child<QLabel>(m_window.get(), "deliveryLabel")->text().contains(QStringLiteral("PickUp")));
}

void TestManager::killedServiceIsShownAndFoundAgain()
{
    // Mail waiting in PickUp (delivery is PickUp only now) when the service is killed.
    // New mail (the corpus's was delivered already, and is not delivered twice).
    CorpusOptions o;
    o.count = 5;
    o.seed = 92;
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), makeCorpus(o)).isEmpty());
    m_service->retrieveNow();
    auto *folders = child<QListWidget>(m_window.get(), "folderList");
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(2)->text().endsWith(QStringLiteral("(5)")), 30000);
    QTRY_VERIFY(!m_service->isCycleRunning());
    const qint64 oldPid = m_daemon.process()->processId();

    QElapsedTimer clock;
    m_daemon.process()->kill(); // SIGKILL
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(stateText().contains(QStringLiteral("not running")), 1000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(child<QWidget>(m_window.get(), "serviceBanner")->isVisible());
    QVERIFY(!child<QPushButton>(m_window.get(), "retrieveNowButton")->isEnabled());
    QVERIFY(m_window->isVisible());
    m_daemon.process()->waitForFinished(5000);

    // Started again (the socket it left is replaced): the manager finds it by itself.
    QVERIFY(startDaemon());
    QTRY_VERIFY_WITH_TIMEOUT(
        stateText().contains(QStringLiteral("pid %1").arg(m_daemon.process()->processId())), 10000);
    QVERIFY(m_daemon.process()->processId() != oldPid);
    QVERIFY(!child<QWidget>(m_window.get(), "serviceBanner")->isVisible());
    // Nothing in the spool was lost.
    QTRY_VERIFY_WITH_TIMEOUT(folders->item(2)->text().endsWith(QStringLiteral("(5)")), 10000);
    m_window->tabs()->setCurrentWidget(m_window->spoolTab());
    folders->setCurrentRow(2);
    QTRY_COMPARE(child<QTableView>(m_window.get(), "messageTable")->model()->rowCount(), 5);
}

// A mailbox that logs in with OAuth 2.0 keeps its sign-in through the dialog, and "Sign in..."
// runs the browser flow (the test plays the browser) whose refresh token the service stores.
void TestManager::oauthMailboxSignsInFromTheManager()
{
    FakeOAuthProvider provider;
    QCOMPARE(provider.start(), QString());
    Configuration c = m_service->configuration();
    MailboxSettings carol =
        provider.mailbox(QStringLiteral("carol"), QStringLiteral("carol"), m_dovecot.pop3Port());
    carol.enabled = false; // Dovecot here has no oauth2 passdb: only the sign-in is tried
    carol.localMailbox = QStringLiteral("alice@office.example");
    c.mailboxes.append(carol);
    QString saved = QStringLiteral("not yet");
    m_service->save(c, this, [&](const QString &error) { saved = error; });
    QTRY_COMPARE(saved, QString());
    QTRY_VERIFY(m_service->configuration().mailbox(QStringLiteral("carol")));

    // Opened and accepted unchanged, the dialog keeps the OAuth settings and asks no password.
    m_window->tabs()->setCurrentWidget(m_window->mailboxesTab());
    bool shown = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<MailboxDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QVERIFY(!child<QLineEdit>(dialog, "passwordEdit")->isVisibleTo(dialog));
        QCOMPARE(child<QLineEdit>(dialog, "clientIdEdit")->text(), provider.clientId);
        QVERIFY(child<QLineEdit>(dialog, "clientIdEdit")->isVisibleTo(dialog));
        shown = true;
        dialog->accept();
    });
    m_window->mailboxesTab()->editMailbox(QStringLiteral("carol"));
    QVERIFY(shown);
    QTRY_VERIFY(readIni().contains(QStringLiteral("auth = xoauth2")));
    QTest::qWait(500); // a save the dialog made would have reached the file by now
    QVERIFY2(readIni().contains(QStringLiteral("auth = xoauth2")), qPrintable(readIni()));

    auto *table = child<QTableWidget>(m_window.get(), "mailboxTable");
    auto *signIn = child<QPushButton>(m_window.get(), "signInButton");
    const auto select = [table](const QString &name) {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == name)
                table->selectRow(row);
        }
    };
    select(QStringLiteral("shop")); // logs in with a password
    QVERIFY(!signIn->isEnabled());
    select(QStringLiteral("carol"));
    QTRY_VERIFY(signIn->isEnabled());

    {
        const TestBrowser browser;
        QTest::mouseClick(signIn, Qt::LeftButton);
        auto *said = child<QLabel>(m_window.get(), "signInStatus");
        QTRY_VERIFY_WITH_TIMEOUT(said->text().contains(QStringLiteral("is signed in")), 20000);
        QCOMPARE(browser.opened().size(), 1);
        QVERIFY(browser.opened().first().toString().startsWith(carol.oauthAuthorizationUrl));
    }
    QFile token(m_dir.filePath(QStringLiteral("spool/state/passwords/oauth%2Fcarol")));
    QVERIFY(token.open(QIODevice::ReadOnly));
    QVERIFY(token.readAll().startsWith("rt-"));
    QVERIFY(!readIni().contains(QStringLiteral("rt-")));
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
    QTRY_COMPARE(m_window->tabs()->tabText(0), QStringLiteral("メールボックス(&M)"));
    QCOMPARE(child<QPushButton>(m_window.get(), "retrieveNowButton")->text(),
        QStringLiteral("今すぐ取得"));
    QVERIFY(!child<QLabel>(m_window.get(), "serviceStateLabel")->text().contains(u"running"));
    // Core messages (events, their fixes) are translated too.
    QCOMPARE(describe(EventId::AuthenticationFailed).title, QStringLiteral("ログイン失敗"));
    QVERIFY(m_language.apply(QStringLiteral("en")));
    QTRY_COMPARE(m_window->tabs()->tabText(0), QStringLiteral("&Mailboxes"));
}

void TestManager::qtDialogsSpeakJapanese()
{
    // Qt's own buttons come from Qt's catalogue (qtbase_ja.qm), loaded beside ours.
    QVERIFY(m_language.apply(QStringLiteral("ja")));
    {
        QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("q"),
            QMessageBox::Yes | QMessageBox::No);
        QVERIFY2(box.button(QMessageBox::Yes)->text().contains(QStringLiteral("はい")),
            qPrintable(box.button(QMessageBox::Yes)->text()));
        QVERIFY2(box.button(QMessageBox::No)->text().contains(QStringLiteral("いいえ")),
            qPrintable(box.button(QMessageBox::No)->text()));
    }
    QVERIFY(m_language.apply(QStringLiteral("en")));
    QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("q"),
        QMessageBox::Yes | QMessageBox::No);
    QCOMPARE(box.button(QMessageBox::Yes)->text(), QStringLiteral("&Yes"));
}

void TestManager::pluralsHaveTheirForms()
{
    const auto spool = [](const char *text, int n) {
        return QCoreApplication::translate("Pop3Connector::SpoolTab", text, nullptr, n);
    };
    QVERIFY(m_language.apply(QStringLiteral("en")));
    QCOMPARE(spool("%n message(s) deleted.", 1), QStringLiteral("1 message deleted."));
    QCOMPARE(spool("%n message(s) deleted.", 2), QStringLiteral("2 messages deleted."));
    QCOMPARE(
        QCoreApplication::translate("Pop3Connector::Connector",
            "%n message(s) were rejected by the local mail server and put in BadMail.", nullptr, 1),
        QStringLiteral("1 message was rejected by the local mail server and put in BadMail."));
    QVERIFY(m_language.apply(QStringLiteral("ja")));
    QCOMPARE(spool("%n message(s) deleted.", 1),
        QStringLiteral("%1 通のメッセージを削除しました。").arg(1));
    QCOMPARE(spool("%n message(s) deleted.", 2),
        QStringLiteral("%1 通のメッセージを削除しました。").arg(2));
    QVERIFY(m_language.apply(QStringLiteral("en")));
}

void TestManager::ctlFollowsTheLocale()
{
    // pop3connectorctl speaks the locale's language: its own words and the service's events.
    const auto run = [this](const QString &lang, const QStringList &args) {
        QProcess ctl;
        ctl.setProcessEnvironment(environmentInLocale(lang));
        ctl.start(QStringLiteral(P3C_CTL), QStringList {QStringLiteral("--config"), m_ini} + args);
        ctl.waitForFinished(30000);
        return QString::fromUtf8(ctl.readAllStandardOutput() + ctl.readAllStandardError());
    };
    const QString usageJa = run(QStringLiteral("ja_JP.UTF-8"), {});
    QVERIFY2(usageJa.contains(QStringLiteral("コマンドが指定されていません")), qPrintable(usageJa));
    const QString usageEn = run(QStringLiteral("C"), {});
    QVERIFY2(usageEn.contains(QStringLiteral("name a command; see --help")), qPrintable(usageEn));
    const QString helpJa = run(QStringLiteral("ja_JP.UTF-8"), {QStringLiteral("--help")});
    QVERIFY2(helpJa.contains(QStringLiteral("実行中の POP3 Connector サービスを管理します")),
        qPrintable(helpJa));
    // pop3connectord's own words on the terminal follow the locale too.
    const auto daemon = [this](const QString &lang) {
        QProcess d;
        d.setProcessEnvironment(environmentInLocale(lang));
        d.start(QStringLiteral(P3C_DAEMON),
            {QStringLiteral("--config"), m_ini, QStringLiteral("--check-config")});
        d.waitForFinished(30000);
        return QString::fromUtf8(d.readAllStandardError());
    };
    QVERIFY2(daemon(QStringLiteral("ja_JP.UTF-8")).contains(QStringLiteral("構成は正常です")),
        qPrintable(daemon(QStringLiteral("ja_JP.UTF-8"))));
    QVERIFY2(daemon(QStringLiteral("C")).contains(QStringLiteral("configuration is valid")),
        qPrintable(daemon(QStringLiteral("C"))));
    // The events an English service wrote, in Japanese; with --json, English text and the args.
    // The events an English service wrote, in Japanese (the service was started again by
    // killedServiceIsShownAndFoundAgain: its start is in the recent events); with --json, the
    // English text and the sentence as data.
    // A connection test's notes in the locale's language, the conversation as it was said.
    const QString testJa =
        run(QStringLiteral("ja_JP.UTF-8"), {QStringLiteral("test"), QStringLiteral("shop")});
    QVERIFY2(
        testJa.contains(
            QStringLiteral("* 127.0.0.1 のポート %1 に接続しています").arg(m_dovecot.pop3Port())),
        qPrintable(testJa));
    QVERIFY2(testJa.contains(QStringLiteral("C: STAT")), qPrintable(testJa));
    const QString eventsJa = run(QStringLiteral("ja_JP.UTF-8"), {QStringLiteral("events")});
    QVERIFY2(eventsJa.contains(QStringLiteral("コネクタを開始しました (メールボックス 2 個")),
        qPrintable(eventsJa));
    const QString eventsEn = run(QStringLiteral("C"), {QStringLiteral("events")});
    QVERIFY2(eventsEn.contains(QStringLiteral("The connector started with 2 mailboxes")),
        qPrintable(eventsEn));
    const QString json =
        run(QStringLiteral("ja_JP.UTF-8"), {QStringLiteral("events"), QStringLiteral("--json")});
    QVERIFY2(json.contains(QStringLiteral("The connector started with 2 mailboxes")),
        qPrintable(json.left(2000)));
    QVERIFY(json.contains(QStringLiteral("\"args\"")));
    QVERIFY(json.contains(QStringLiteral("The connector started with %n mailbox(es); spool %1.")));
}

QTEST_MAIN(TestManager)
#include "tst_manager.moc"
