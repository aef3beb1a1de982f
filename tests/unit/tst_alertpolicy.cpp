// Which of the service's open problems become a desktop notification, and the tray's state: a
// table of what the manager had already told and the status the service sends now.
#include "alertpolicy.h"

#include <QTest>

using namespace Pop3Connector;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);

// Words from a line: "a b" -> {"a", "b"}.
QStringList w(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

// "mailbox:sales@3": the problem with key mailbox:sales, started 3 minutes after kStart.
QList<OpenProblem> problems(const QStringList &words)
{
    QList<OpenProblem> out;
    for (const QString &w : words) {
        const QStringList parts = w.split(u'@');
        out.append({parts[0], parts[0], QStringLiteral("what happened to ") + parts[0],
            kStart.addSecs(60 * parts.value(1).toInt())});
    }
    return out;
}

AlertState told(const QStringList &words)
{
    AlertState state;
    for (const OpenProblem &p : problems(words))
        state.insert(p.key, p.since);
    return state;
}

QStringList keysOf(const QList<Alert> &alerts)
{
    QStringList keys;
    for (const Alert &a : alerts)
        keys.append(a.key);
    return keys;
}

} // namespace

class TestAlertPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decide_data();
    void decide();
    void titlesNameTheProblem();
    void aProblemLastingManyCyclesIsToldOnce();
};

void TestAlertPolicy::decide_data()
{
    QTest::addColumn<QStringList>("before"); // what was told
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<bool>("delivery");
    QTest::addColumn<int>("failedMail");
    QTest::addColumn<QStringList>("open"); // the status's problems
    QTest::addColumn<QStringList>("alerts"); // keys notified now
    QTest::addColumn<int>("health");
    QTest::addColumn<QStringList>("after"); // what is told afterwards

    const int ok = int(Health::Ok), warning = int(Health::Warning), failing = int(Health::Failing);
    QTest::newRow("all well") << QStringList() << true << true << 0 << QStringList()
                              << QStringList() << ok << QStringList();
    QTest::newRow("a mailbox starts failing")
        << QStringList() << true << true << 0 << w("mailbox:sales@0") << w("mailbox:sales")
        << failing << w("mailbox:sales@0");
    QTest::newRow("the same problem, next cycle: nothing new")
        << w("mailbox:sales@0") << true << true << 0 << w("mailbox:sales@0") << QStringList()
        << failing << w("mailbox:sales@0");
    QTest::newRow("a second mailbox fails: only it is told")
        << w("mailbox:sales@0") << true << true << 0 << w("mailbox:sales@0 mailbox:info@5")
        << w("mailbox:info") << failing << w("mailbox:sales@0 mailbox:info@5");
    QTest::newRow("it ended and started again between two looks: told again")
        << w("mailbox:sales@0") << true << true << 0 << w("mailbox:sales@30") << w("mailbox:sales")
        << failing << w("mailbox:sales@30");
    QTest::newRow("resolved: forgotten, nothing told")
        << w("mailbox:sales@0") << true << true << 0 << QStringList() << QStringList() << ok
        << QStringList();
    QTest::newRow("delivery stops") << QStringList() << true << true << 0 << w("delivery@2")
                                    << w("delivery") << failing << w("delivery@2");
    QTest::newRow("transfer stops") << QStringList() << true << true << 0 << w("transfer@2")
                                    << w("transfer") << failing << w("transfer@2");
    QTest::newRow("Failed Mail receives mail: one warning for the folder")
        << QStringList() << true << true << 3 << w("failed-mail@4") << w("failed-mail") << warning
        << w("failed-mail@4");
    QTest::newRow("more mail in Failed Mail: the same problem")
        << w("failed-mail@4") << true << true << 9 << w("failed-mail@4") << QStringList() << warning
        << w("failed-mail@4");
    QTest::newRow("BadMail receives mail") << QStringList() << true << true << 0 << w("badmail@1")
                                           << w("badmail") << warning << w("badmail@1");
    QTest::newRow("the disk fills")
        << QStringList() << true << true << 0 << w("disk@1") << w("disk") << warning << w("disk@1");
    QTest::newRow("a warning and a failure: the worst wins")
        << w("badmail@1") << true << true << 0 << w("badmail@1 delivery@7") << w("delivery")
        << failing << w("badmail@1 delivery@7");
    QTest::newRow("old mail in Failed Mail, no open problem: a look, no notification")
        << QStringList() << true << true << 2 << QStringList() << QStringList() << warning
        << QStringList();
    QTest::newRow("delivery switched off by an administrator: a look, no notification")
        << QStringList() << true << false << 0 << QStringList() << QStringList() << warning
        << QStringList();
    QTest::newRow("service gone: failing, what was told is kept")
        << w("mailbox:sales@0") << false << true << 0 << QStringList() << QStringList() << failing
        << w("mailbox:sales@0");
    QTest::newRow("back after a restart with the same problem: not told again")
        << w("mailbox:sales@0") << true << true << 0 << w("mailbox:sales@0") << QStringList()
        << failing << w("mailbox:sales@0");
    QTest::newRow("a key of a newer service: told, as a warning")
        << QStringList() << true << true << 0 << w("cosmic-rays@0") << w("cosmic-rays") << warning
        << w("cosmic-rays@0");
}

void TestAlertPolicy::decide()
{
    QFETCH(QStringList, before);
    QFETCH(bool, reachable);
    QFETCH(bool, delivery);
    QFETCH(int, failedMail);
    QFETCH(QStringList, open);
    QFETCH(QStringList, alerts);
    QFETCH(int, health);
    QFETCH(QStringList, after);

    AlertStatus status;
    status.reachable = reachable;
    status.deliveryOn = delivery;
    status.failedMail = failedMail;
    status.problems = problems(open);
    const AlertDecision d = AlertPolicy::decide(told(before), status);
    QCOMPARE(keysOf(d.alerts), alerts);
    QCOMPARE(int(d.health), health);
    QCOMPARE(d.next, told(after));
    for (const Alert &a : d.alerts) {
        QVERIFY(!a.title.isEmpty());
        QCOMPARE(a.text, QStringLiteral("what happened to ") + a.key);
        QCOMPARE(a.severity, AlertPolicy::severityOf(a.key));
    }
}

void TestAlertPolicy::titlesNameTheProblem()
{
    QCOMPARE(AlertPolicy::titleOf({QStringLiteral("mailbox:sales"), {}, {}, {}}),
        QStringLiteral("Mailbox sales is failing"));
    QCOMPARE(AlertPolicy::titleOf({QStringLiteral("failed-mail"), {}, {}, {}}),
        QStringLiteral("Mail arrived in Failed Mail"));
    QCOMPARE(AlertPolicy::titleOf({QStringLiteral("future"), QStringLiteral("its words"), {}, {}}),
        QStringLiteral("its words"));
}

void TestAlertPolicy::aProblemLastingManyCyclesIsToldOnce()
{
    // A wrong password for a weekend: a status after every cycle, one notification.
    AlertState state;
    int notified = 0;
    AlertStatus status;
    status.reachable = true;
    status.problems = problems({QStringLiteral("mailbox:sales@0")});
    for (int cycle = 0; cycle < 200; ++cycle) {
        const AlertDecision d = AlertPolicy::decide(state, status);
        notified += int(d.alerts.size());
        state = d.next;
    }
    QCOMPARE(notified, 1);
}

QTEST_GUILESS_MAIN(TestAlertPolicy)
#include "tst_alertpolicy.moc"
