// The SASL mechanism table: each mechanism's answers against its specification's own examples,
// whole exchanges as they go on the wire (the token mechanisms' error challenge too), the choice
// of the strongest offered for a password or a token, masking, and the error challenge read.
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
    void tokenExchange_data();
    void tokenExchange();
    void challenge_data();
    void challenge();
    void strongest_data();
    void strongest();
    void strongestToken_data();
    void strongestToken();
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

void TestSasl::tokenExchange_data()
{
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QList<QByteArray>>("challenges"); // base64, as the server sends them
    QTest::addColumn<QList<QByteArray>>("lines"); // what the client answers
    QTest::addColumn<QList<QByteArray>>("transcript"); // what the transcript shows of it

    // Google's "The SASL XOAUTH2 Mechanism": its example, byte for byte.
    const QByteArray googleToken = "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg";
    const QByteArray googleLine = "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOW"
                                  "RmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==";
    // The error challenge Google documents: {"status":"401","schemes":"Bearer","scope":...}.
    const QByteArray googleError = "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodH"
                                   "RwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==";
    QTest::newRow("XOAUTH2, Google's example")
        << QByteArray("XOAUTH2") << QByteArray("someuser@example.com") << QByteArray() << 0
        << googleToken << QList<QByteArray> {""} << QList<QByteArray> {googleLine}
        << QList<QByteArray> {"********"};
    // The server refuses the token: its JSON challenge is answered with an empty line (RFC 5034
    // §4: a client's response may be empty), which the transcript shows as it is.
    QTest::newRow("XOAUTH2, error challenge")
        << QByteArray("XOAUTH2") << QByteArray("someuser@example.com") << QByteArray() << 0
        << googleToken << QList<QByteArray> {"", googleError} << QList<QByteArray> {googleLine, ""}
        << QList<QByteArray> {"********", ""};
    // The host and port do not go into XOAUTH2.
    QTest::newRow("XOAUTH2, host not told")
        << QByteArray("XOAUTH2") << QByteArray("someuser@example.com")
        << QByteArray("pop.gmail.com") << 995 << googleToken << QList<QByteArray> {""}
        << QList<QByteArray> {googleLine} << QList<QByteArray> {"********"};

    // RFC 7628 §4.1's example, and §4.3's error challenge answered with %x01.
    const QByteArray rfcToken = "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==";
    const QByteArray rfcLine = "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcn"
                               "Q9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRH"
                               "RXVZMjl0Q2c9PQEB";
    const QByteArray rfcError = "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIi"
                                "wib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxs"
                                "LWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=";
    QTest::newRow("OAUTHBEARER, RFC 7628 4.1")
        << QByteArray("OAUTHBEARER") << QByteArray("user@example.com")
        << QByteArray("server.example.com") << 143 << rfcToken << QList<QByteArray> {""}
        << QList<QByteArray> {rfcLine} << QList<QByteArray> {"********"};
    QTest::newRow("OAUTHBEARER, RFC 7628 4.3 error")
        << QByteArray("OAUTHBEARER") << QByteArray("user@example.com")
        << QByteArray("server.example.com") << 143 << rfcToken << QList<QByteArray> {"", rfcError}
        << QList<QByteArray> {rfcLine, "AQ=="} << QList<QByteArray> {"********", "AQ=="};
    // RFC 5801 §4: ',' and '=' in the authzid are escaped; no host: neither host nor port.
    QTest::newRow("OAUTHBEARER, saslname escaped, no host")
        << QByteArray("OAUTHBEARER") << QByteArray("a=b,c") << QByteArray() << 110
        << QByteArray("t") << QList<QByteArray> {""}
        << QList<QByteArray> {QByteArray("n,a=a=3Db=2Cc,\x01"
                                         "auth=Bearer t\x01\x01")
                                  .toBase64()}
        << QList<QByteArray> {"********"};
}

void TestSasl::tokenExchange()
{
    QFETCH(QByteArray, mechanism);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, host);
    QFETCH(int, port);
    QFETCH(QByteArray, token);
    QFETCH(QList<QByteArray>, challenges);
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QList<QByteArray>, transcript);
    const SaslMechanism *m = saslMechanism(mechanism);
    QVERIFY(m);
    QCOMPARE(m->secret, SaslSecret::Token);
    SaslContinuation continuation = SaslExchange(*m, {user, token, host, quint16(port)});
    QCOMPARE(challenges.size(), lines.size());
    for (qsizetype i = 0; i < challenges.size(); ++i) {
        const SaslResponse response = continuation(challenges[i]);
        QCOMPARE(response.line, lines[i]);
        QCOMPARE(response.transcriptLine, transcript[i]);
        QVERIFY(!response.transcriptLine.contains(token.toBase64()));
    }
}

void TestSasl::challenge_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("scope");

    QTest::newRow("Google") << QByteArray(R"({"status":"401","schemes":"Bearer","scope":"s"})")
                            << true << QStringLiteral("401") << QStringLiteral("s");
    QTest::newRow("RFC 7628") << QByteArray(R"({"status":"invalid_token","scope":"example_scope"})")
                              << true << QStringLiteral("invalid_token")
                              << QStringLiteral("example_scope");
    QTest::newRow("status a number")
        << QByteArray(R"({"status":400})") << true << QStringLiteral("400") << QString();
    QTest::newRow("control characters")
        << QByteArray(R"({"status":"4\u000101"})") << true << QStringLiteral("4?01") << QString();
    QTest::newRow("long field cut") << (R"({"scope":")" + QByteArray(300, 'x') + R"("})") << true
                                    << QString() << QString(200, u'x');
    QTest::newRow("empty object") << QByteArray("{}") << true << QString() << QString();
    QTest::newRow("not JSON") << QByteArray("+OK what?") << false << QString() << QString();
    QTest::newRow("array") << QByteArray("[1,2]") << false << QString() << QString();
    QTest::newRow("empty") << QByteArray() << false << QString() << QString();
    QTest::newRow("over 4 KB") << (R"({"scope":")" + QByteArray(5000, 'x') + R"("})") << false
                               << QString() << QString();
}

void TestSasl::challenge()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(QString, status);
    QFETCH(QString, scope);
    const std::optional<OAuthChallenge> c = parseOAuthChallenge(json);
    QCOMPARE(c.has_value(), valid);
    if (c) {
        QCOMPARE(c->status, status);
        QCOMPARE(c->scope, scope);
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

void TestSasl::strongestToken_data()
{
    QTest::addColumn<QList<QByteArray>>("offered");
    QTest::addColumn<QByteArray>("chosen"); // empty: none

    QTest::newRow("both") << QList<QByteArray> {"XOAUTH2", "OAUTHBEARER"}
                          << QByteArray("OAUTHBEARER");
    QTest::newRow("XOAUTH2 and passwords")
        << QList<QByteArray> {"PLAIN", "xoauth2", "CRAM-MD5"} << QByteArray("XOAUTH2");
    // A token is never offered to a password mechanism.
    QTest::newRow("passwords only") << QList<QByteArray> {"PLAIN", "LOGIN"} << QByteArray();
}

void TestSasl::strongestToken()
{
    QFETCH(QList<QByteArray>, offered);
    QFETCH(QByteArray, chosen);
    for (const SaslProtocol p : {SaslProtocol::Pop3, SaslProtocol::Smtp}) {
        const SaslMechanism *m = strongestSaslMechanism(offered, p, SaslSecret::Token);
        QCOMPARE(m ? m->name.toByteArray() : QByteArray(), chosen);
    }
}

void TestSasl::names()
{
    QCOMPARE(saslMechanismNames(SaslProtocol::Pop3), QStringLiteral("CRAM-MD5, PLAIN, LOGIN"));
    QCOMPARE(saslMechanismNames(SaslProtocol::Smtp), QStringLiteral("PLAIN, LOGIN"));
    QCOMPARE(saslMechanismNames(SaslProtocol::Pop3, SaslSecret::Token),
        QStringLiteral("OAUTHBEARER, XOAUTH2"));
}

void TestSasl::table()
{
    QVERIFY(!saslMechanism("GSSAPI"));
    QVERIFY(!saslMechanism(""));
    for (const SaslMechanism &m : saslMechanisms()) {
        const QByteArray name = m.name.toByteArray();
        QCOMPARE(name.toUpper(), name);
        QCOMPARE(saslMechanism(name.toLower()), &m);
        QVERIFY2(m.protocols, name.constData());
        for (const SaslMechanism &other : saslMechanisms()) {
            if (&other == &m)
                continue;
            QVERIFY2(other.name != m.name, name.constData());
            // Mechanisms compete only with those of the same secret.
            if (other.secret == m.secret)
                QVERIFY2(other.strength != m.strength, name.constData());
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
