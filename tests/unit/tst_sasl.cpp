// The SASL mechanism table: each mechanism's answers against its specification's own examples,
// whole exchanges as they go on the wire, the choice of the strongest offered, and masking.
#include "protocol/sasl.h"

#include <QTest>

using namespace Pop3Connector;

class TestSasl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void answers_data();
    void answers();
    void exchange_data();
    void exchange();
    void strongest_data();
    void strongest();
    void names();
    void table();
};

void TestSasl::answers_data()
{
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("step");
    QTest::addColumn<QByteArray>("challenge");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("masked");

    const QByteArray tim = "tim";
    const QByteArray tanstaaf = "tanstaaftanstaaf";
    // RFC 4616 §2: authzid (none) NUL authcid NUL passwd.
    QTest::newRow("PLAIN") << QByteArray("PLAIN") << tim << tanstaaf << 0 << QByteArray()
                           << QByteArray("\0tim\0tanstaaftanstaaf", 21) << true;
    QTest::newRow("PLAIN asked again")
        << QByteArray("PLAIN") << tim << tanstaaf << 1 << QByteArray("again?")
        << QByteArray("\0tim\0tanstaaftanstaaf", 21) << true;
    QTest::newRow("PLAIN UTF-8") << QByteArray("plain") << QByteArray("j\xc3\xb6rg")
                                 << QByteArray("p\xc3\xa4ss") << 0 << QByteArray()
                                 << QByteArray("\0j\xc3\xb6rg\0p\xc3\xa4ss", 12) << true;
    // draft-murchison-sasl-login: user name, then password, whatever the prompts say.
    QTest::newRow("LOGIN user") << QByteArray("LOGIN") << tim << tanstaaf << 0
                                << QByteArray("Username:") << tim << true;
    QTest::newRow("LOGIN password") << QByteArray("LOGIN") << tim << tanstaaf << 1
                                    << QByteArray("Password:") << tanstaaf << true;
    QTest::newRow("LOGIN prompts not read")
        << QByteArray("LOGIN") << tim << tanstaaf << 0 << QByteArray("Password:") << tim << true;
    QTest::newRow("LOGIN asked again") << QByteArray("LOGIN") << tim << tanstaaf << 2
                                       << QByteArray("Password:") << tanstaaf << true;
    // RFC 2195 §2's example.
    QTest::newRow("CRAM-MD5 RFC 2195")
        << QByteArray("CRAM-MD5") << tim << tanstaaf << 0
        << QByteArray("<1896.697170952@postoffice.reston.mci.net>")
        << QByteArray("tim b913a602c7eda7a495b4e6e7334d3890") << true;
    QTest::newRow("CRAM-MD5 other key")
        << QByteArray("CRAM-MD5") << QByteArray("alice") << QByteArray("s3cret") << 0
        << QByteArray("<1896.697170952@isp.example>")
        << QByteArray("alice 7f4c91498f1ed776add57f0a0b32d2db") << true;
}

void TestSasl::answers()
{
    QFETCH(QByteArray, mechanism);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, secret);
    QFETCH(int, step);
    QFETCH(QByteArray, challenge);
    QFETCH(QByteArray, answer);
    QFETCH(bool, masked);
    const SaslMechanism *m = saslMechanism(mechanism);
    QVERIFY(m);
    const SaslAnswer a = m->respond({user, secret}, step, challenge);
    QCOMPARE(a.bytes, answer);
    QCOMPARE(a.masked, masked);
}

void TestSasl::exchange_data()
{
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QList<QByteArray>>("challenges"); // base64, as the server sends them
    QTest::addColumn<QList<QByteArray>>("lines"); // what the client answers
    QTest::addColumn<QList<QByteArray>>("transcript"); // what the transcript shows of it

    const QList<QByteArray> masked = {"********"};
    QTest::newRow("PLAIN, empty challenge")
        << QByteArray("PLAIN") << QByteArray("AUTH PLAIN") << QList<QByteArray> {""}
        << QList<QByteArray> {"AHRpbQB0YW5zdGFhZnRhbnN0YWFm"} << masked;
    QTest::newRow("LOGIN, two prompts") << QByteArray("LOGIN") << QByteArray("AUTH LOGIN")
                                        << QList<QByteArray> {"VXNlcm5hbWU6", "UGFzc3dvcmQ6"}
                                        << QList<QByteArray> {"dGlt", "dGFuc3RhYWZ0YW5zdGFhZg=="}
                                        << QList<QByteArray> {"********", "********"};
    // RFC 2195 §2, byte for byte as on the wire.
    QTest::newRow("CRAM-MD5, RFC 2195")
        << QByteArray("CRAM-MD5") << QByteArray("AUTH CRAM-MD5")
        << QList<QByteArray> {"PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+"}
        << QList<QByteArray> {"dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"} << masked;
}

void TestSasl::exchange()
{
    QFETCH(QByteArray, mechanism);
    QFETCH(QByteArray, command);
    QFETCH(QList<QByteArray>, challenges);
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QList<QByteArray>, transcript);
    SaslExchange exchange(*saslMechanism(mechanism), {"tim", "tanstaaftanstaaf"});
    QCOMPARE(exchange.command(), command);
    // As a session holds it: a continuation, copied in before the first challenge.
    SaslContinuation continuation = exchange;
    for (qsizetype i = 0; i < challenges.size(); ++i) {
        const SaslResponse response = continuation(challenges[i]);
        QCOMPARE(response.line, lines[i]);
        QCOMPARE(response.transcriptLine, transcript[i]);
    }
}

void TestSasl::strongest_data()
{
    QTest::addColumn<QList<QByteArray>>("offered");
    QTest::addColumn<int>("protocol"); // SaslProtocol
    QTest::addColumn<QByteArray>("chosen"); // empty: none

    const QList<QByteArray> all = {"LOGIN", "PLAIN", "CRAM-MD5"};
    QTest::newRow("POP3, all three") << all << int(SaslProtocol::Pop3) << QByteArray("CRAM-MD5");
    QTest::newRow("SMTP, all three") << all << int(SaslProtocol::Smtp) << QByteArray("PLAIN");
    QTest::newRow("POP3, no CRAM-MD5")
        << QList<QByteArray> {"LOGIN", "PLAIN"} << int(SaslProtocol::Pop3) << QByteArray("PLAIN");
    QTest::newRow("SMTP, LOGIN only")
        << QList<QByteArray> {"LOGIN"} << int(SaslProtocol::Smtp) << QByteArray("LOGIN");
    QTest::newRow("lower case") << QList<QByteArray> {"login", "plain"} << int(SaslProtocol::Smtp)
                                << QByteArray("PLAIN");
    QTest::newRow("unknown ones passed over") << QList<QByteArray> {"XOAUTH2", "GSSAPI", "LOGIN",
        "NTLM"} << int(SaslProtocol::Pop3) << QByteArray("LOGIN");
    QTest::newRow("repeated") << QList<QByteArray> {"LOGIN", "LOGIN"} << int(SaslProtocol::Pop3)
                              << QByteArray("LOGIN");
    QTest::newRow("none known") << QList<QByteArray> {"GSSAPI", "NTLM"} << int(SaslProtocol::Pop3)
                                << QByteArray();
    QTest::newRow("SMTP, CRAM-MD5 only")
        << QList<QByteArray> {"CRAM-MD5"} << int(SaslProtocol::Smtp) << QByteArray();
    QTest::newRow("nothing offered")
        << QList<QByteArray>() << int(SaslProtocol::Pop3) << QByteArray();
    QTest::newRow("empty name") << QList<QByteArray> {""} << int(SaslProtocol::Smtp)
                                << QByteArray();
}

void TestSasl::strongest()
{
    QFETCH(QList<QByteArray>, offered);
    QFETCH(int, protocol);
    QFETCH(QByteArray, chosen);
    const SaslMechanism *m = strongestSaslMechanism(offered, SaslProtocol(protocol));
    QCOMPARE(m ? m->name.toByteArray() : QByteArray(), chosen);
}

void TestSasl::names()
{
    QCOMPARE(saslMechanismNames(SaslProtocol::Pop3), QStringLiteral("CRAM-MD5, PLAIN, LOGIN"));
    QCOMPARE(saslMechanismNames(SaslProtocol::Smtp), QStringLiteral("PLAIN, LOGIN"));
}

void TestSasl::table()
{
    QVERIFY(!saslMechanism("XOAUTH2"));
    QVERIFY(!saslMechanism(""));
    for (const SaslMechanism &m : saslMechanisms()) {
        const QByteArray name = m.name.toByteArray();
        QCOMPARE(name.toUpper(), name);
        QCOMPARE(saslMechanism(name.toLower()), &m);
        QVERIFY2(m.protocols, name.constData());
        for (const SaslMechanism &other : saslMechanisms()) {
            if (&other == &m)
                continue;
            QVERIFY2(other.name != m.name && other.strength != m.strength, name.constData());
            // A mechanism that keeps the password to itself is always preferred.
            if (!m.revealsPassword && other.revealsPassword)
                QVERIFY2(m.strength > other.strength, name.constData());
        }
    }
    QVERIFY(saslMechanism("PLAIN")->revealsPassword);
    QVERIFY(saslMechanism("LOGIN")->revealsPassword);
    QVERIFY(!saslMechanism("CRAM-MD5")->revealsPassword);
}

QTEST_GUILESS_MAIN(TestSasl)
#include "tst_sasl.moc"
