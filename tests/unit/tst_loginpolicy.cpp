// How a mailbox logs in and what the server's capabilities say against its settings, decided
// from the settings and the CAPA reply alone: tables of both.
#include "pipeline/download/loginpolicy.h"

#include <QTest>

using namespace Pop3Connector;

class TestLoginPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mechanism_data();
    void mechanism();
    void conflicts_data();
    void conflicts();
};

void TestLoginPolicy::mechanism_data()
{
    QTest::addColumn<AuthMethod>("auth");
    QTest::addColumn<QList<QByteArray>>("offered");
    QTest::addColumn<QByteArray>("chosen"); // empty: no SASL (USER/PASS, APOP)

    const QList<QByteArray> all {"PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"};
    QTest::newRow("automatic takes the strongest password mechanism")
        << AuthMethod::Automatic << all << QByteArray("CRAM-MD5");
    QTest::newRow("automatic never picks a token mechanism for a password")
        << AuthMethod::Automatic << QList<QByteArray> {"XOAUTH2", "OAUTHBEARER"} << QByteArray();
    QTest::newRow("automatic, nothing offered: USER/PASS")
        << AuthMethod::Automatic << QList<QByteArray> {} << QByteArray();
    QTest::newRow("automatic, names in any case")
        << AuthMethod::Automatic << QList<QByteArray> {"plain"} << QByteArray("PLAIN");
    QTest::newRow("plain, even when not offered")
        << AuthMethod::Plain << QList<QByteArray> {} << QByteArray("PLAIN");
    QTest::newRow("login") << AuthMethod::Login << all << QByteArray("LOGIN");
    QTest::newRow("cram-md5") << AuthMethod::CramMd5 << all << QByteArray("CRAM-MD5");
    QTest::newRow("xoauth2") << AuthMethod::XOAuth2 << all << QByteArray("XOAUTH2");
    QTest::newRow("oauthbearer") << AuthMethod::OAuthBearer << all << QByteArray("OAUTHBEARER");
    QTest::newRow("user/pass ignores what is offered") << AuthMethod::User << all << QByteArray();
    QTest::newRow("apop ignores what is offered") << AuthMethod::Apop << all << QByteArray();
}

void TestLoginPolicy::mechanism()
{
    QFETCH(AuthMethod, auth);
    QFETCH(QList<QByteArray>, offered);
    QFETCH(QByteArray, chosen);
    const SaslMechanism *m = loginMechanism(auth, offered);
    QCOMPARE(m ? m->name.toByteArray() : QByteArray(), chosen);
}

void TestLoginPolicy::conflicts_data()
{
    QTest::addColumn<bool>("leave");
    QTest::addColumn<int>("keepDays"); // delete_after_days; 0 keeps for ever
    QTest::addColumn<int>("expire"); // the server's EXPIRE; -1: not announced (or NEVER)
    QTest::addColumn<int>("loginDelay"); // seconds; -1: not announced
    QTest::addColumn<int>("interval"); // the schedule's, seconds; 0: no schedule
    QTest::addColumn<QList<int>>("events");

    const int expire = int(EventId::ExpirePolicyConflict);
    const int delay = int(EventId::LoginDelayLongerThanInterval);
    QTest::newRow("nothing announced") << true << 0 << -1 << -1 << 900 << QList<int> {};
    QTest::newRow("deleting mailbox, any EXPIRE") << false << 0 << 0 << -1 << 900 << QList<int> {};
    QTest::newRow("EXPIRE 0 against leave on server")
        << true << 30 << 0 << -1 << 900 << QList<int> {expire};
    QTest::newRow("kept for ever, server expires")
        << true << 0 << 31 << -1 << 900 << QList<int> {expire};
    QTest::newRow("kept longer than the server keeps")
        << true << 60 << 31 << -1 << 900 << QList<int> {expire};
    QTest::newRow("kept exactly as long") << true << 31 << 31 << -1 << 900 << QList<int> {};
    QTest::newRow("kept shorter") << true << 7 << 31 << -1 << 900 << QList<int> {};
    QTest::newRow("login delay shorter than the interval")
        << false << 0 << -1 << 300 << 900 << QList<int> {};
    QTest::newRow("login delay equal to the interval")
        << false << 0 << -1 << 900 << 900 << QList<int> {};
    QTest::newRow("login delay longer than the interval")
        << false << 0 << -1 << 1800 << 900 << QList<int> {delay};
    QTest::newRow("login delay, no schedule") << false << 0 << -1 << 1800 << 0 << QList<int> {};
    QTest::newRow("both") << true << 0 << 0 << 3600 << 600 << QList<int> {expire, delay};
}

void TestLoginPolicy::conflicts()
{
    QFETCH(bool, leave);
    QFETCH(int, keepDays);
    QFETCH(int, expire);
    QFETCH(int, loginDelay);
    QFETCH(int, interval);
    QFETCH(QList<int>, events);

    MailboxSettings mb;
    mb.host = QStringLiteral("pop.isp.example");
    mb.leaveOnServer = leave;
    mb.deleteAfterDays = keepDays;
    Capabilities caps;
    if (expire >= 0)
        caps.expireDays = expire;
    if (loginDelay >= 0)
        caps.loginDelaySeconds = loginDelay;

    QList<int> got;
    const QList<CapabilityConflict> conflicts = capabilityConflicts(mb, caps, interval);
    for (const CapabilityConflict &c : conflicts) {
        got.append(int(c.id));
        QVERIFY2(
            c.text.english().startsWith(mb.host), qPrintable(c.text.english())); // which server
    }
    QCOMPARE(got, events);
}

QTEST_GUILESS_MAIN(TestLoginPolicy)
#include "tst_loginpolicy.moc"
