// OAuth 2.0 sign-in against a real Dovecot whose oauth2 passdb asks a local provider
// (FakeOAuthProvider) whether a token is active: download with XOAUTH2 and OAUTHBEARER, the
// access token kept until shortly before it expires and renewed then, a token the server
// refuses renewed once within the cycle, consent withdrawn (invalid_grant) as its own event with
// no more requests to the provider, the browser flow with PKCE and a loopback redirect played by
// the test, the device flow, and no token in any file the service writes.
#include "base/clock.h"
#include "childprocess.h"
#include "dovecotfixture.h"
#include "fakeoauthprovider.h"
#include "memorysecretstore.h"
#include "oauth/authorizationcodeflow.h"
#include "oauth/deviceflow.h"
#include "oauth/tokenbroker.h"
#include "service/browsersignin.h"
#include "service/connector.h"
#include "service/controlclient.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

class TestOAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void xoauth2RenewsBeforeExpiry();
    void oauthBearer();
    void refusedTokenRenewedOnce();
    void rotatedRefreshTokenIsStored();
    void withdrawnConsentNeedsSignIn();
    void nobodySignedIn();
    void failingProviderBacksOff();
    void concurrentRequestsShareOneRenewal();
    void browserSignIn();
    void deviceFlow();
    void ctlAuthorizeEndToEnd();
    void tokensNeverWritten();

private:
    MailboxSettings mailbox(const QString &user, AuthMethod auth) const;
    CycleReport runCycle();
    QList<Event> eventsOf(EventId id) const;
    void addMessages(const QString &user, int count);

    DovecotFixture m_dovecot;
    FakeOAuthProvider m_provider;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Connector> m_connector;
    QList<Event> m_events;
    int m_serial = 0;
};

void TestOAuth::initTestCase()
{
    QCOMPARE(m_provider.start(), QString());
    m_dovecot.setOAuthIntrospection(m_provider.url(QStringLiteral("/introspect")));
    const QString error = m_dovecot.start({{QStringLiteral("alice"), QStringLiteral("pw-a")},
        {QStringLiteral("bob"), QStringLiteral("pw-b")},
        {QStringLiteral("carol"), QStringLiteral("pw-c")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());

    Configuration c;
    c.connector.spool = m_dir.filePath(QStringLiteral("spool"));
    c.connector.logLevel = LogLevel::Maximum; // transcripts too: the token must not be there
    c.connector.timeoutSeconds = 30;
    c.mailboxes = {mailbox(QStringLiteral("alice"), AuthMethod::XOAuth2),
        mailbox(QStringLiteral("bob"), AuthMethod::OAuthBearer)};
    m_connector = std::make_unique<Connector>(c, &m_secrets);
    QCOMPARE(m_connector->start(), QString());
    connect(m_connector->eventLog(), &EventLog::eventLogged, this,
        [this](const Event &e) { m_events.append(e); });
}

void TestOAuth::cleanupTestCase()
{
    m_connector.reset();
    QCOMPARE(m_dovecot.stop(), QString());
}

MailboxSettings TestOAuth::mailbox(const QString &user, AuthMethod auth) const
{
    return m_provider.mailbox(user, user, m_dovecot.pop3Port(), auth);
}

void TestOAuth::addMessages(const QString &user, int count)
{
    QList<QByteArray> messages;
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(++m_serial);
        messages.append("From: sender@isp.example\nTo: " + user.toUtf8()
            + "@office.example\nSubject: OAuth " + n + "\nMessage-ID: <oauth-" + n
            + "@isp.example>\n\nBody " + n + "\n");
    }
    QCOMPARE(m_dovecot.addMessages(user, messages), QString());
}

CycleReport TestOAuth::runCycle()
{
    m_events.clear();
    QSignalSpy finished(m_connector.get(), &Connector::cycleFinished);
    m_connector->runCycle(Stage::Download);
    if (!finished.wait(60000))
        return {};
    return finished.first().first().value<CycleReport>();
}

QList<Event> TestOAuth::eventsOf(EventId id) const
{
    QList<Event> found;
    for (const Event &e : m_events) {
        if (e.id == id)
            found.append(e);
    }
    return found;
}

namespace {

const RetrievalReport *reportOf(const CycleReport &r, const QString &mailbox)
{
    for (const RetrievalReport &m : r.retrievals) {
        if (m.mailbox == mailbox)
            return &m;
    }
    return nullptr;
}

} // namespace

void TestOAuth::xoauth2RenewsBeforeExpiry()
{
    m_secrets.secrets.insert(
        QStringLiteral("oauth/alice"), m_provider.signIn(QStringLiteral("alice")));
    m_secrets.secrets.insert(QStringLiteral("oauth/bob"), m_provider.signIn(QStringLiteral("bob")));
    addMessages(QStringLiteral("alice"), 3);
    CycleReport r = runCycle();
    const RetrievalReport *alice = reportOf(r, QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY2(alice->outcome == RetrievalReport::Outcome::Succeeded, qPrintable(alice->failureText));
    QCOMPARE(alice->stored, 3);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 0);
    QCOMPARE(m_provider.refreshRequests, 2); // one token each for alice and bob
    QVERIFY(m_provider.introspections >= 2); // Dovecot asked the provider

    // Within its hour, the token is used again without asking the provider.
    addMessages(QStringLiteral("alice"), 2);
    r = runCycle();
    QCOMPARE(reportOf(r, QStringLiteral("alice"))->stored, 2);
    QCOMPARE(m_provider.refreshRequests, 2);

    // Five minutes before it expires, it is renewed.
    m_clock->advance(3600 - TokenPolicy::kRenewMarginSeconds);
    addMessages(QStringLiteral("alice"), 1);
    r = runCycle();
    QCOMPARE(reportOf(r, QStringLiteral("alice"))->stored, 1);
    QCOMPARE(m_provider.refreshRequests, 4);
    QVERIFY(eventsOf(EventId::OAuthTokenRejected).isEmpty());
    QVERIFY(eventsOf(EventId::AuthenticationFailed).isEmpty());
}

void TestOAuth::oauthBearer()
{
    addMessages(QStringLiteral("bob"), 2);
    const CycleReport r = runCycle();
    const RetrievalReport *bob = reportOf(r, QStringLiteral("bob"));
    QVERIFY(bob);
    QVERIFY2(bob->outcome == RetrievalReport::Outcome::Succeeded, qPrintable(bob->failureText));
    QCOMPARE(bob->stored, 2);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("bob")), 0);
}

void TestOAuth::refusedTokenRenewedOnce()
{
    // The provider ends the tokens early (as a password change does at Microsoft): Dovecot
    // refuses the one the service still holds for fresh.
    m_provider.expireAccessTokens();
    const int before = m_provider.refreshRequests;
    addMessages(QStringLiteral("alice"), 2);
    const CycleReport r = runCycle();
    QCOMPARE(r.retrievals.size(), 2); // each mailbox once in the report, not its first attempt
    const RetrievalReport *alice = reportOf(r, QStringLiteral("alice"));
    QVERIFY2(alice->outcome == RetrievalReport::Outcome::Succeeded, qPrintable(alice->failureText));
    QCOMPARE(alice->stored, 2);
    QCOMPARE(m_provider.refreshRequests, before + 2);
    QVERIFY(eventsOf(EventId::OAuthTokenRejected).isEmpty());
}

void TestOAuth::rotatedRefreshTokenIsStored()
{
    m_provider.rotateRefreshTokens = true;
    const QByteArray old = m_secrets.secrets.value(QStringLiteral("oauth/alice"));
    m_clock->advance(3600);
    addMessages(QStringLiteral("alice"), 1);
    const CycleReport r = runCycle();
    QCOMPARE(reportOf(r, QStringLiteral("alice"))->stored, 1);
    const QByteArray now = m_secrets.secrets.value(QStringLiteral("oauth/alice"));
    QVERIFY(!now.isEmpty());
    QVERIFY(now != old);
    m_provider.rotateRefreshTokens = false;

    // The new one works after the access token expires again; the old one is gone.
    m_clock->advance(3600);
    addMessages(QStringLiteral("alice"), 1);
    QCOMPARE(reportOf(runCycle(), QStringLiteral("alice"))->stored, 1);
}

void TestOAuth::withdrawnConsentNeedsSignIn()
{
    m_provider.revoke(m_secrets.secrets.value(QStringLiteral("oauth/alice")));
    addMessages(QStringLiteral("alice"), 1);
    const int before = m_provider.refreshRequests;
    CycleReport r = runCycle();
    const RetrievalReport *alice = reportOf(r, QStringLiteral("alice"));
    QCOMPARE(int(alice->outcome), int(RetrievalReport::Outcome::Failed));
    QCOMPARE(int(alice->failureId), int(EventId::OAuthSignInNeeded));
    QCOMPARE(m_provider.refreshRequests, before + 1);
    const QList<Event> needed = eventsOf(EventId::OAuthSignInNeeded);
    QCOMPARE(needed.size(), 1);
    QCOMPARE(needed.first().mailbox, QStringLiteral("alice"));
    // The provider's own words, and what to do.
    QVERIFY2(needed.first().text.contains(QStringLiteral("AADSTS50173")),
        qPrintable(needed.first().text));
    QVERIFY2(needed.first().text.contains(QStringLiteral("pop3connectorctl authorize alice")),
        qPrintable(needed.first().text));
    QCOMPARE(describe(EventId::OAuthSignInNeeded).fix,
        QStringLiteral("Sign in again: in the manager, or with pop3connectorctl authorize "
                       "MAILBOX."));
    // bob goes on.
    QCOMPARE(
        int(reportOf(r, QStringLiteral("bob"))->outcome), int(RetrievalReport::Outcome::Succeeded));

    // No storm: the withdrawn token is not sent again, cycle after cycle.
    m_clock->advance(7200);
    r = runCycle();
    QCOMPARE(int(reportOf(r, QStringLiteral("alice"))->failureId), int(EventId::OAuthSignInNeeded));
    QCOMPARE(m_provider.refreshRequests, before + 2); // bob's renewal only
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 1);

    // Signing in again (what storeSignIn does) and the mail flows.
    m_secrets.secrets.insert(
        QStringLiteral("oauth/alice"), m_provider.signIn(QStringLiteral("alice")));
    m_connector->tokenBroker()->signedIn(QStringLiteral("oauth/alice"));
    r = runCycle();
    QCOMPARE(reportOf(r, QStringLiteral("alice"))->stored, 1);
}

void TestOAuth::nobodySignedIn()
{
    m_secrets.secrets.remove(QStringLiteral("oauth/bob"));
    m_connector->tokenBroker()->signedIn(QStringLiteral("oauth/bob")); // forget the cached token
    const int before = m_provider.refreshRequests;
    const CycleReport r = runCycle();
    QCOMPARE(int(reportOf(r, QStringLiteral("bob"))->failureId), int(EventId::OAuthSignInNeeded));
    QCOMPARE(m_provider.refreshRequests, before);
    const QList<Event> needed = eventsOf(EventId::OAuthSignInNeeded);
    QCOMPARE(needed.size(), 1);
    QVERIFY(needed.first().text.contains(QStringLiteral("pop3connectorctl authorize bob")));
    m_secrets.secrets.insert(QStringLiteral("oauth/bob"), m_provider.signIn(QStringLiteral("bob")));
}

// A provider that fails is asked again only after 1, then 2 ... minutes, however often the
// service wants a token meanwhile; then the token comes.
void TestOAuth::failingProviderBacksOff()
{
    MemorySecretStore store;
    const MailboxSettings m = mailbox(QStringLiteral("dave"), AuthMethod::XOAuth2);
    store.secrets.insert(m.refreshTokenKey(), m_provider.signIn(QStringLiteral("dave")));
    TokenBroker broker(&store);
    const auto ask = [&]() -> Result<QByteArray> {
        std::optional<Result<QByteArray>> answer;
        broker.accessToken(
            OAuthAccount::of(m), this, [&](const Result<QByteArray> &r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
            return Error {ErrorCode::Cancelled, QStringLiteral("no answer")};
        return *answer;
    };
    m_provider.unavailable = true;
    const int before = m_provider.refreshRequests;
    Result<QByteArray> r = ask();
    QVERIFY(!r);
    QCOMPARE(int(TokenBroker::eventFor(r.error())), int(EventId::OAuthTokenRefreshFailed));
    QVERIFY2(r.error().message.contains(QStringLiteral("503")), qPrintable(r.error().message));
    QCOMPARE(m_provider.refreshRequests, before + 1);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!ask());
    QCOMPARE(m_provider.refreshRequests, before + 1); // no storm
    m_clock->advance(59);
    QVERIFY(!ask());
    QCOMPARE(m_provider.refreshRequests, before + 1);
    m_clock->advance(1);
    QVERIFY(!ask());
    QCOMPARE(m_provider.refreshRequests, before + 2); // after a minute, once
    m_clock->advance(119);
    QVERIFY(!ask());
    QCOMPARE(m_provider.refreshRequests, before + 2); // the next wait is two minutes
    m_provider.unavailable = false;
    m_clock->advance(1);
    r = ask();
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QVERIFY(r->startsWith("at-"));
    QCOMPARE(m_provider.refreshRequests, before + 3);
}

// A connection test during a cycle wants the token the cycle is renewing: one request to the
// provider, which rotates the refresh token, and the same token for everyone who asked.
void TestOAuth::concurrentRequestsShareOneRenewal()
{
    MemorySecretStore store;
    const MailboxSettings m = mailbox(QStringLiteral("erin"), AuthMethod::XOAuth2);
    store.secrets.insert(m.refreshTokenKey(), m_provider.signIn(QStringLiteral("erin")));
    TokenBroker broker(&store);
    m_provider.rotateRefreshTokens = true;
    const int before = m_provider.refreshRequests;
    QList<Result<QByteArray>> answers;
    for (int i = 0; i < 3; ++i) {
        broker.accessToken(
            OAuthAccount::of(m), this, [&](const Result<QByteArray> &r) { answers.append(r); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 20000);
    m_provider.rotateRefreshTokens = false;
    QCOMPARE(m_provider.refreshRequests, before + 1);
    for (const Result<QByteArray> &r : std::as_const(answers)) {
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(*r, *answers.first());
    }
}

void TestOAuth::browserSignIn()
{
    MailboxSettings m = mailbox(QStringLiteral("alice"), AuthMethod::XOAuth2);
    m_provider.deviceUser = QStringLiteral("alice");
    AuthorizationCodeFlow flow(OAuthClient::of(m), m.user);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    QNetworkAccessManager browser;
    QByteArray page;
    int status = 0;
    connect(&flow, &AuthorizationCodeFlow::browserWanted, this, [&](const QUrl &url) {
        QVERIFY(url.toString().startsWith(m.oauthAuthorizationUrl));
        // A stray request to the loopback address is not the answer.
        QNetworkReply *stray =
            browser.get(QNetworkRequest(QUrl(flow.redirectUri() + QStringLiteral("favicon.ico"))));
        connect(stray, &QNetworkReply::finished, stray, &QObject::deleteLater);
        // The provider signs the user in and sends the browser back to 127.0.0.1.
        QNetworkRequest request(url);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = browser.get(request);
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            page = reply->readAll();
            reply->deleteLater();
        });
    });
    QVERIFY(flow.start());
    QVERIFY(flow.redirectUri().startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(finished.wait(20000));
    const TokenReply reply = finished.first().first().value<TokenReply>();
    QVERIFY2(reply.ok(), qPrintable(reply.error + u' ' + reply.description));
    QVERIFY(reply.refreshToken.startsWith("rt-"));
    QVERIFY(reply.accessToken.startsWith("at-"));
    QCOMPARE(m_provider.lastCodeVerifier.size(), 43);
    QTRY_COMPARE(status, 200);
    QVERIFY(page.contains("Signed in"));
}

void TestOAuth::deviceFlow()
{
    MailboxSettings m = mailbox(QStringLiteral("bob"), AuthMethod::OAuthBearer);
    m_provider.deviceUser = QStringLiteral("bob");
    m_provider.pendingPolls = m_provider.devicePolls + 2;
    DeviceFlow flow(OAuthClient::of(m));
    QSignalSpy issued(&flow, &DeviceFlow::codeIssued);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(issued.size(), 1);
    QCOMPARE(issued.first().at(0).toString(), QStringLiteral("WDJB-MJHT"));
    QCOMPARE(issued.first().at(1).toUrl().toString(), m_provider.url(QStringLiteral("/device")));
    const TokenReply reply = finished.first().first().value<TokenReply>();
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QVERIFY(!reply.refreshToken.isEmpty());
    QCOMPARE(m_provider.devicePolls, m_provider.pendingPolls + 1); // pending twice, then done
}

namespace {

struct Ran
{
    int code = -1;
    QString out;
    QString err;
};

// pop3connectorctl with the event loop running, so that the provider in this process answers.
Ran ctl(const QString &ini, const QStringList &args)
{
    ChildProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(P3C_CTL), QStringList {QStringLiteral("--config"), ini} + args);
    p.closeWriteChannel();
    if (!finished.wait(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

// The headless sign-in: pop3connectorctl authorize runs the device flow against the provider,
// prints the code and the address, waits through authorization_pending, and hands the refresh
// token to the running service, which then collects the mailbox.
void TestOAuth::ctlAuthorizeEndToEnd()
{
    const QString dir = m_dir.filePath(QStringLiteral("service"));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/run")));
    const QString ini = dir + QStringLiteral("/connector.ini");
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(
        "[connector]\nspool = spool\nschedule_enabled = false\npassword_store = files\n"
        "control_socket = run/control\nlog_level = maximum\n[delivery]\ntransport = pickup\n"
        "[mailbox.carol]\nhost = 127.0.0.1\nport = %1\nsecurity = none\nuser = "
        "carol\nlocal_mailbox = carol@office.example\n"
        "auth = xoauth2\noauth_client_id = %2\noauth_token_url = %3\noauth_device_url = %4\n"
        "oauth_authorization_url = %5\noauth_scopes = pop offline_access\n")
                .arg(m_dovecot.pop3Port())
                .arg(m_provider.clientId, m_provider.url(QStringLiteral("/token")),
                    m_provider.url(QStringLiteral("/device")),
                    m_provider.url(QStringLiteral("/authorize")))
                .toUtf8());
    f.close();
    ChildProcess service;
    service.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    service.start(QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini});
    QVERIFY(QTest::qWaitFor(
        [&] {
            Control::Client probe(QStringLiteral("probe"));
            probe.connectToService(dir + QStringLiteral("/run/control"));
            return QTest::qWaitFor(
                       [&] { return probe.state() != Control::Client::State::Connecting; }, 2000)
                && probe.isReady();
        },
        20000));
    addMessages(QStringLiteral("carol"), 2);

    // Not signed in yet: the cycle says what to do.
    Ran r = ctl(
        ini, {QStringLiteral("retrieve-now"), QStringLiteral("carol"), QStringLiteral("--wait")});
    QCOMPARE(r.code, 1);
    r = ctl(ini, {QStringLiteral("events")});
    QVERIFY2(r.out.contains(QStringLiteral("1114 [carol]")), qPrintable(r.out));
    const auto carolStatus = [&ini] {
        const Ran status = ctl(ini, {QStringLiteral("--json"), QStringLiteral("status")});
        return QJsonDocument::fromJson(status.out.toUtf8())
            .object()
            .value(QStringLiteral("mailboxes"))
            .toArray()
            .first()
            .toObject();
    };
    QCOMPARE(carolStatus().value(QStringLiteral("oauth")).toBool(), true);
    QCOMPARE(carolStatus().value(QStringLiteral("signInNeeded")).toBool(), true);

    m_provider.deviceUser = QStringLiteral("carol");
    m_provider.pendingPolls = m_provider.devicePolls + 1;
    r = ctl(ini, {QStringLiteral("authorize"), QStringLiteral("carol")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("WDJB-MJHT")), qPrintable(r.out));
    QVERIFY(r.out.contains(m_provider.url(QStringLiteral("/device"))));
    QVERIFY2(r.out.contains(QStringLiteral("Signed in")), qPrintable(r.out));
    QCOMPARE(m_provider.devicePolls, m_provider.pendingPolls + 1); // waited through pending

    r = ctl(
        ini, {QStringLiteral("retrieve-now"), QStringLiteral("carol"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("carol")), 0);
    r = ctl(ini, {QStringLiteral("events")});
    QVERIFY2(r.out.contains(QStringLiteral("1116 [carol]")), qPrintable(r.out));
    QCOMPARE(carolStatus().value(QStringLiteral("signInNeeded")).toBool(), false);
    // The troubleshooter logs in with a token of its own.
    r = ctl(ini, {QStringLiteral("diagnose")});
    QVERIFY2(r.out.contains(QStringLiteral("carol is signed in")), qPrintable(r.out + r.err));

    // "Sign in again" from the manager: the browser flow, the test playing the browser, and the
    // refresh token stored by the service over the control channel.
    const ConfigLoadResult loaded = ConfigurationFile::load(ini);
    QVERIFY(loaded.ok());
    Control::Client manager(QStringLiteral("manager test"));
    manager.connectToService(dir + QStringLiteral("/run/control"));
    BrowserSignIn signIn(loaded.configuration, QStringLiteral("carol"), &manager);
    QSignalSpy signedIn(&signIn, &BrowserSignIn::signedIn);
    QSignalSpy failed(&signIn, &BrowserSignIn::failed);
    QNetworkAccessManager browser;
    connect(&signIn, &BrowserSignIn::browserWanted, this, [&browser](const QUrl &url) {
        QNetworkRequest request(url);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = browser.get(request);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    });
    QVERIFY(signIn.start());
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.size() + failed.size() > 0, 20000);
    QCOMPARE(failed.size(), 0);
    const QByteArray stored = [&] {
        QFile token(dir + QStringLiteral("/spool/state/passwords/oauth%2Fcarol"));
        return token.open(QIODevice::ReadOnly) ? token.readAll() : QByteArray();
    }();
    QVERIFY2(stored.startsWith("rt-"), stored.constData());
    r = ctl(ini, {QStringLiteral("events")});
    QCOMPARE(r.out.count(QStringLiteral("1116 [carol]")), 2);
    addMessages(QStringLiteral("carol"), 1);
    const int refreshes = m_provider.refreshRequests;
    r = ctl(
        ini, {QStringLiteral("retrieve-now"), QStringLiteral("carol"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("carol")), 0);
    QCOMPARE(m_provider.refreshRequests, refreshes + 1); // the new sign-in, not the cached token

    // A mailbox that logs in with a password has no browser sign-in.
    BrowserSignIn none(loaded.configuration, QStringLiteral("nobody"), &manager);
    QVERIFY(!none.start());

    // A mailbox that logs in with a password has nothing to authorize.
    r = ctl(ini, {QStringLiteral("authorize"), QStringLiteral("nobody")});
    QCOMPARE(r.code, 1);
    service.terminate();
    QVERIFY(service.waitForFinished(30000));
}

void TestOAuth::tokensNeverWritten()
{
    const QList<QByteArray> secrets = m_provider.secrets();
    QVERIFY(secrets.size() > 10);
    int files = 0;
    bool xoauth2Written = false;
    bool oauthBearerWritten = false;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        // The service's password store holds the refresh token: that is its place.
        if (f.fileName().contains(QStringLiteral("/state/passwords/")))
            continue;
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        ++files;
        xoauth2Written = xoauth2Written || bytes.contains("AUTH XOAUTH2");
        oauthBearerWritten = oauthBearerWritten || bytes.contains("AUTH OAUTHBEARER");
        for (const QByteArray &s : secrets) {
            QVERIFY2(!bytes.contains(s), qPrintable(f.fileName() + u' ' + QString::fromLatin1(s)));
            // Nor the SASL lines that carry it, in base64.
            for (const QByteArray user : {"alice", "bob"}) {
                QVERIFY(!bytes.contains(QByteArray("user=" + user
                    + "\x01"
                      "auth=Bearer "
                    + s + "\x01\x01")
                                            .toBase64()));
                const QByteArray bearer = "n,a=" + user
                    + ",\x01"
                      "host=127.0.0.1\x01"
                      "port="
                    + QByteArray::number(m_dovecot.pop3Port())
                    + "\x01"
                      "auth=Bearer "
                    + s + "\x01\x01";
                QVERIFY(!bytes.contains(bearer.toBase64()));
            }
        }
    }
    QVERIFY(files > 10);
    // The transcripts were written, so the search means something.
    QVERIFY(xoauth2Written);
    QVERIFY(oauthBearerWritten);
}

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
