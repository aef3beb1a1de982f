// The OAuth 2.0 messages as pure functions: token and device answers from the RFCs' examples and
// from providers' shapes, garbage included; PKCE against RFC 7636's own example; the
// authorization request's encoding; the loopback redirect's request line; when a token is renewed
// and how long a failed renewal waits.
#include "oauth/oauthmessages.h"
#include "oauth/tokenbroker.h"

#include <QTest>
#include <QUrlQuery>

using namespace Pop3Connector;

class TestOAuthMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenReply_data();
    void tokenReply();
    void deviceAuthorization_data();
    void deviceAuthorization();
    void pkce();
    void authorizationRequest();
    void redirect_data();
    void redirect();
    void policy_data();
    void policy();
};

void TestOAuthMessages::tokenReply_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QByteArray>("access");
    QTest::addColumn<QByteArray>("refresh");
    QTest::addColumn<qint64>("expires");

    // RFC 6749 §5.1's example.
    QTest::newRow("RFC 6749 5.1") << QByteArray(
        R"({"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"Bearer",)"
        R"("expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"})")
                                  << QString() << QByteArray("2YotnFZFEjr1zCsicMWpAA")
                                  << QByteArray("tGzv3JOkF0XG5Qx2TlKWIA") << qint64(3600);
    QTest::newRow("lower-case type, no refresh, seconds as text")
        << QByteArray(R"({"access_token":"a","token_type":"bearer","expires_in":"3599"})")
        << QString() << QByteArray("a") << QByteArray() << qint64(3599);
    QTest::newRow("no expiry") << QByteArray(R"({"access_token":"a","token_type":"Bearer"})")
                               << QString() << QByteArray("a") << QByteArray() << qint64(0);
    // RFC 6749 §5.2, as Microsoft words it.
    QTest::newRow("invalid_grant")
        << QByteArray(R"({"error":"invalid_grant","error_description":"AADSTS50173: The )"
                      R"(provided grant has expired due to it being revoked."})")
        << QStringLiteral("invalid_grant") << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("pending") << QByteArray(R"({"error":"authorization_pending"})")
                             << QStringLiteral("authorization_pending") << QByteArray()
                             << QByteArray() << qint64(0);
    QTest::newRow("MAC token") << QByteArray(R"({"access_token":"a","token_type":"mac"})")
                               << TokenReply::kMalformed << QByteArray() << QByteArray()
                               << qint64(0);
    QTest::newRow("no token") << QByteArray(R"({"token_type":"Bearer"})") << TokenReply::kMalformed
                              << QByteArray() << QByteArray() << qint64(0);
    // A token that would end XOAUTH2's fields early is refused.
    QTest::newRow("^A in token") << QByteArray(
        R"({"access_token":"a\u0001auth=x","token_type":"Bearer"})")
                                 << TokenReply::kMalformed << QByteArray() << QByteArray()
                                 << qint64(0);
    QTest::newRow("space in token")
        << QByteArray(R"({"access_token":"a b","token_type":"Bearer"})") << TokenReply::kMalformed
        << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("HTML page") << QByteArray("<html><body>Service Unavailable</body></html>")
                               << TokenReply::kMalformed << QByteArray() << QByteArray()
                               << qint64(0);
    QTest::newRow("empty") << QByteArray() << TokenReply::kMalformed << QByteArray() << QByteArray()
                           << qint64(0);
    QTest::newRow("negative expiry")
        << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":-5})") << QString()
        << QByteArray("a") << QByteArray() << qint64(0);
}

void TestOAuthMessages::tokenReply()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(QByteArray, access);
    QFETCH(QByteArray, refresh);
    QFETCH(qint64, expires);
    const TokenReply r = parseTokenReply(body);
    QCOMPARE(r.error, error);
    QCOMPARE(r.ok(), error.isEmpty());
    QCOMPARE(r.accessToken, access);
    QCOMPARE(r.refreshToken, refresh);
    QCOMPARE(r.expiresInSeconds, expires);
    QCOMPARE(r.isInvalidGrant(), error == u"invalid_grant");
    if (r.isInvalidGrant())
        QVERIFY(r.description.startsWith(QStringLiteral("AADSTS50173")));
}

void TestOAuthMessages::deviceAuthorization_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("userCode");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("interval");

    // RFC 8628 §3.2's example.
    QTest::newRow("RFC 8628 3.2") << QByteArray(
        R"({"device_code":"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS",)"
        R"("user_code":"WDJB-MJHT","verification_uri":"https://example.com/device",)"
        R"("verification_uri_complete":"https://example.com/device?user_code=WDJB-MJHT",)"
        R"("expires_in":1800,"interval":5})")
                                  << true << QStringLiteral("WDJB-MJHT")
                                  << QStringLiteral("https://example.com/device") << 5;
    // Google's word for the address, and no interval (5 seconds).
    QTest::newRow("Google") << QByteArray(R"({"device_code":"d","user_code":"GQVQ-JKEC",)"
                                          R"("verification_url":"https://www.google.com/device",)"
                                          R"("expires_in":1800})")
                            << true << QStringLiteral("GQVQ-JKEC")
                            << QStringLiteral("https://www.google.com/device") << 5;
    QTest::newRow("no user code") << QByteArray(R"({"device_code":"d","verification_uri":)"
                                                R"("https://e.example/","expires_in":10})")
                                  << false << QString() << QString() << 0;
    QTest::newRow("not a web address")
        << QByteArray(R"({"device_code":"d","user_code":"u","verification_uri":"file:///etc",)"
                      R"("expires_in":10})")
        << false << QString() << QString() << 0;
    QTest::newRow("error") << QByteArray(R"({"error":"invalid_client"})") << false << QString()
                           << QString() << 0;
    QTest::newRow("garbage") << QByteArray("\x01\x02") << false << QString() << QString() << 0;
}

void TestOAuthMessages::deviceAuthorization()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, userCode);
    QFETCH(QString, address);
    QFETCH(int, interval);
    const Result<DeviceAuthorization> d = parseDeviceAuthorization(body);
    QCOMPARE(bool(d), ok);
    if (!d) {
        QCOMPARE(d.error().code, ErrorCode::Protocol);
        QVERIFY(!d.error().message.isEmpty());
        return;
    }
    QCOMPARE(d->userCode, userCode);
    QCOMPARE(d->verificationUri.toString(), address);
    QCOMPARE(d->intervalSeconds, interval);
    QVERIFY(!d->deviceCode.isEmpty());
}

void TestOAuthMessages::pkce()
{
    // RFC 7636 Appendix B.
    QCOMPARE(codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const QByteArray a = makeCodeVerifier();
    const QByteArray b = makeCodeVerifier();
    QCOMPARE(a.size(), 43); // RFC 7636 §4.1: 43 to 128 unreserved characters
    QVERIFY(a != b);
    for (const char c : a)
        QVERIFY(QByteArray("-_").contains(c) || QChar::fromLatin1(c).isLetterOrNumber());
    QVERIFY(makeState() != makeState());
}

void TestOAuthMessages::authorizationRequest()
{
    const QUrl url =
        authorizationUrl({QUrl(QStringLiteral("https://login.example/authorize?tenant=x")),
            QStringLiteral("client-1"), QStringLiteral("http://127.0.0.1:4711/"),
            QStringLiteral("https://outlook.office.com/POP.AccessAsUser.All offline_access"),
            "st+te", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            QStringLiteral("a+b@office.example")});
    const QByteArray encoded = url.toEncoded();
    QVERIFY2(encoded.startsWith("https://login.example/authorize?tenant=x&response_type=code&"),
        encoded.constData());
    // Spaces and '+' survive as what they are.
    QVERIFY(encoded.contains(
        "scope=https%3A%2F%2Foutlook.office.com%2FPOP.AccessAsUser.All%20offline_access"));
    QVERIFY(encoded.contains("login_hint=a%2Bb%40office.example"));
    const QUrlQuery q(url);
    QCOMPARE(
        q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), QStringLiteral("st+te"));
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
        QStringLiteral("http://127.0.0.1:4711/"));
}

void TestOAuthMessages::redirect_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("error");

    QTest::newRow("code") << QByteArray("GET /?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz HTTP/1.1")
                          << QByteArray("SplxlOBeZQQYbYS6WxSbIA") << QString();
    QTest::newRow("encoded code") << QByteArray("GET /?state=xyz&code=M.R3%2BA%2F%3D HTTP/1.1")
                                  << QByteArray("M.R3+A/=") << QString();
    QTest::newRow("denied") << QByteArray(
        "GET /?error=access_denied&error_description=The+user+said+no&state=xyz "
        "HTTP/1.1") << QByteArray()
                            << QStringLiteral("access_denied");
    QTest::newRow("other state") << QByteArray("GET /?code=c&state=abc HTTP/1.1") << QByteArray()
                                 << QStringLiteral("state_mismatch");
    // An error without our state is not believed either.
    QTest::newRow("error, no state") << QByteArray("GET /?error=access_denied HTTP/1.1")
                                     << QByteArray() << QStringLiteral("state_mismatch");
    QTest::newRow("favicon") << QByteArray("GET /favicon.ico HTTP/1.1") << QByteArray()
                             << QStringLiteral("state_mismatch");
    QTest::newRow("no code") << QByteArray("GET /?state=xyz HTTP/1.1") << QByteArray()
                             << QStringLiteral("malformed_request");
    QTest::newRow("POST") << QByteArray("POST /?code=c&state=xyz HTTP/1.1") << QByteArray()
                          << QStringLiteral("malformed_request");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02") << QByteArray()
                             << QStringLiteral("malformed_request");
}

void TestOAuthMessages::redirect()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, code);
    QFETCH(QString, error);
    const AuthorizationResponse r = parseRedirectRequest(line, "xyz");
    QCOMPARE(r.code, code);
    QCOMPARE(r.error, error);
    if (error == u"access_denied")
        QCOMPARE(r.description, QStringLiteral("The+user+said+no"));
}

void TestOAuthMessages::policy_data()
{
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("expiresAt");
    QTest::addColumn<bool>("fresh");
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("delay");

    QTest::newRow("an hour left") << qint64(1000) << qint64(4600) << true << 0 << qint64(0);
    QTest::newRow("301 s left") << qint64(1000) << qint64(1301) << true << 1 << qint64(60);
    QTest::newRow("300 s left") << qint64(1000) << qint64(1300) << false << 2 << qint64(120);
    QTest::newRow("expired") << qint64(1000) << qint64(900) << false << 3 << qint64(240);
    QTest::newRow("never had one") << qint64(1000) << qint64(0) << false << 6 << qint64(1920);
    QTest::newRow("ceiling") << qint64(0) << qint64(0) << false << 7 << qint64(3600);
    QTest::newRow("long outage") << qint64(0) << qint64(0) << false << 1000 << qint64(3600);
}

void TestOAuthMessages::policy()
{
    QFETCH(qint64, now);
    QFETCH(qint64, expiresAt);
    QFETCH(bool, fresh);
    QFETCH(int, failures);
    QFETCH(qint64, delay);
    QCOMPARE(TokenPolicy::isFresh(now, expiresAt), fresh);
    QCOMPARE(TokenPolicy::retryDelaySeconds(failures), delay);
}

QTEST_GUILESS_MAIN(TestOAuthMessages)
#include "tst_oauthmessages.moc"
