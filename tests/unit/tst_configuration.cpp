#include "config/configkeys.h"
#include "config/configuration.h"
#include "config/configurationtext.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

class TestConfiguration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedExampleLoads();
    void defaults();
    void badValuesNameFileKeyAndAllowed_data();
    void badValuesNameFileKeyAndAllowed();
    void brokenLineHasLineNumber();
    void missingFile();
    void saveAndLoadRoundTrip();
    void relativePathsFollowTheFile();
    void addressesThePipelineTakesLoad();
    void oldUnlimitedSizeReadsAsTheDefault();
    void documentedKeysAreTheTable();
    void controlChannelAndPasswordStore();
    void textIsParsedAsTheFileItWouldBe();
    void rewriteChangesOnlyWhatChanged();
    void rewriteOfNothingWritesWhatDiffersFromTheDefaults();
    void defaultPathIsTheSystemsWhenReadable();
    void oauthPresetsFillAndYield();

private:
    QString write(const QByteArray &text);
    QTemporaryDir m_dir;
    int m_n = 0;
};

QString TestConfiguration::write(const QByteArray &text)
{
    const QString path = m_dir.filePath(QStringLiteral("c%1.ini").arg(++m_n));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}

void TestConfiguration::documentedExampleLoads()
{
    // The complete example in docs/configuration.md must be valid as printed.
    QFile doc(QStringLiteral(P3C_SOURCE_DIR "/docs/configuration.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QByteArray md = doc.readAll();
    const qsizetype start = md.indexOf("```ini\n");
    QVERIFY(start >= 0);
    const qsizetype end = md.indexOf("```", start + 7);
    QByteArray ini = md.mid(start + 7, end - start - 7);
    // The example names a CA file of the reader's machine; point it at one of ours.
    const QString ca = write("-----BEGIN CERTIFICATE-----\n");
    ini.replace("/etc/pop3connector/provider-ca.pem", ca.toUtf8());
    const ConfigLoadResult r = ConfigurationFile::load(write(ini));
    QStringList problems;
    for (const ConfigProblem &p : r.problems)
        problems.append(p.toString());
    QVERIFY2(r.ok(), qPrintable(problems.join(u'\n')));
    QVERIFY(r.configuration.mailboxes.size() >= 2);
    QCOMPARE(r.configuration.connector.logLevel, LogLevel::Medium);
}

void TestConfiguration::defaults()
{
    const ConfigLoadResult r =
        ConfigurationFile::load(write("[connector]\nspool = /var/spool/p3c\n[mailbox.office]\nhost "
                                      "= pop.isp.example\nuser = a\n"));
    QVERIFY(r.ok());
    const MailboxSettings &m = r.configuration.mailboxes.first();
    QCOMPARE(m.port, quint16(995)); // implicit TLS is the default (RFC 8314)
    QCOMPARE(m.security, Pop3Security::Tls);
    QCOMPARE(m.auth, AuthMethod::Automatic);
    QVERIFY(m.enabled);
    QVERIFY(!m.leaveOnServer);
    QCOMPARE(m.keychainKey(), QStringLiteral("mailbox/office"));
    QCOMPARE(r.configuration.connector.timeoutSeconds, 60);
    QCOMPARE(r.configuration.delivery.transport, Transport::Smtp);

    const ConfigLoadResult starttls =
        ConfigurationFile::load(write("[mailbox.x]\nhost = h\nuser = u\nsecurity = starttls\n"));
    QCOMPARE(starttls.configuration.mailboxes.first().port, quint16(110));
}

void TestConfiguration::badValuesNameFileKeyAndAllowed_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("log level") << QByteArray("[connector]\nlog_level = loud\n")
                               << QStringLiteral("connector/log_level")
                               << QStringLiteral("none, minimum, medium, maximum");
    QTest::newRow("security") << QByteArray("[mailbox.a]\nhost=h\nuser=u\nsecurity = ssl\n")
                              << QStringLiteral("mailbox.a/security")
                              << QStringLiteral("tls, starttls, none");
    QTest::newRow("port") << QByteArray("[mailbox.a]\nhost=h\nuser=u\nport = 99999\n")
                          << QStringLiteral("mailbox.a/port") << QStringLiteral("1 to 65535");
    QTest::newRow("bool") << QByteArray("[mailbox.a]\nhost=h\nuser=u\nleave_on_server = maybe\n")
                          << QStringLiteral("mailbox.a/leave_on_server")
                          << QStringLiteral("true or false");
    QTest::newRow("missing host") << QByteArray("[mailbox.a]\nuser=u\n")
                                  << QStringLiteral("mailbox.a/host") << QStringLiteral("missing");
    QTest::newRow("custom without host")
        << QByteArray("[mailbox.a]\nuser=u\nauth = xoauth2\noauth_client_id = c\n"
                      "oauth_token_url = https://t.example/token\n")
        << QStringLiteral("mailbox.a/host") << QStringLiteral("missing");
    QTest::newRow("oauth without client id")
        << QByteArray("[mailbox.a]\nuser=u\nauth = oauthbearer\noauth_provider = google\n")
        << QStringLiteral("mailbox.a/oauth_client_id") << QStringLiteral("client id");
    QTest::newRow("custom without token url")
        << QByteArray("[mailbox.a]\nhost=h\nuser=u\nauth = xoauth2\noauth_client_id = c\n")
        << QStringLiteral("mailbox.a/oauth_token_url") << QStringLiteral("token endpoint");
    QTest::newRow("delivery token without user")
        << QByteArray("[delivery]\nauth = xoauth2\noauth_client_id = c\n"
                      "oauth_token_url = http://127.0.0.1/t\n")
        << QStringLiteral("delivery/user") << QStringLiteral("logs in as a user");
    QTest::newRow("delivery token without client id")
        << QByteArray("[delivery]\nuser = relay\nauth = oauthbearer\n")
        << QStringLiteral("delivery/oauth_client_id") << QStringLiteral("client id");
    QTest::newRow("delivery auth")
        << QByteArray("[delivery]\nauth = cram-md5\n") << QStringLiteral("delivery/auth")
        << QStringLiteral("password, xoauth2, oauthbearer");
    QTest::newRow("provider") << QByteArray("[mailbox.a]\nhost=h\nuser=u\noauth_provider = yahoo\n")
                              << QStringLiteral("mailbox.a/oauth_provider")
                              << QStringLiteral("custom, microsoft, google");
    QTest::newRow("typo key") << QByteArray("[mailbox.a]\nhost=h\nuser=u\nleave_on_sever = true\n")
                              << QStringLiteral("mailbox.a/leave_on_sever")
                              << QStringLiteral("leave_on_server");
    QTest::newRow("bad address") << QByteArray("[mailbox.a]\nhost=h\nuser=u\nlocal_mailbox = bob\n")
                                 << QStringLiteral("mailbox.a/local_mailbox")
                                 << QStringLiteral("user@domain");
    QTest::newRow("transport") << QByteArray("[delivery]\ntransport = uucp\n")
                               << QStringLiteral("delivery/transport")
                               << QStringLiteral("smtp, lmtp, pickup");
    QTest::newRow("interval") << QByteArray("[connector]\ninterval_minutes = 0\n")
                              << QStringLiteral("connector/interval_minutes")
                              << QStringLiteral("1 to");
    QTest::newRow("password store")
        << QByteArray("[connector]\npassword_store = wallet\n")
        << QStringLiteral("connector/password_store") << QStringLiteral("keychain, files");
    QTest::newRow("control group")
        << QByteArray("[connector]\ncontrol_group = mail admins\n")
        << QStringLiteral("connector/control_group") << QStringLiteral("not a group name");
    QTest::newRow("control backlog")
        << QByteArray("[connector]\ncontrol_backlog_kb = 1\n")
        << QStringLiteral("connector/control_backlog_kb") << QStringLiteral("64 to");
    QTest::newRow("unknown section")
        << QByteArray("[mailboxes]\nx=1\n") << QStringLiteral("mailboxes")
        << QStringLiteral("[mailbox.NAME]");
    // Addresses that routing would refuse, each with MailAddress::parse's reason.
    const QByteArray mailbox = "[mailbox.a]\nhost=h\nuser=u\n";
    QTest::newRow("two @") << mailbox + "local_mailbox = info@@office.example\n"
                           << QStringLiteral("mailbox.a/local_mailbox")
                           << QStringLiteral("not a domain name");
    QTest::newRow("dots") << QByteArray("[connector]\nundeliverable_mailbox = a..b@o.example\n")
                          << QStringLiteral("connector/undeliverable_mailbox")
                          << QStringLiteral("two in a row");
    QTest::newRow("long local part")
        << QByteArray("[connector]\nundeliverable_mailbox = ") + QByteArray(65, 'a')
            + "@o.example\n"
        << QStringLiteral("connector/undeliverable_mailbox") << QStringLiteral("64 octets");
    QTest::newRow("rule domain") << mailbox + "rule1 = *@office example -> info@office.example\n"
                                 << QStringLiteral("mailbox.a/rule1") << QStringLiteral("*@domain");
    QTest::newRow("rule target") << mailbox + "rule1 = *@office.example -> info@office..example\n"
                                 << QStringLiteral("mailbox.a/rule1") << QStringLiteral("*@domain");
}

void TestConfiguration::badValuesNameFileKeyAndAllowed()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, key);
    QFETCH(QString, mentions);
    const QString path = write(ini);
    const ConfigLoadResult r = ConfigurationFile::load(path);
    QVERIFY(!r.ok());
    const ConfigProblem p = r.problems.first();
    QCOMPARE(p.key, key);
    const QString text = p.toString();
    QVERIFY2(text.contains(path), qPrintable(text));
    QVERIFY2(text.contains(mentions), qPrintable(text));
}

void TestConfiguration::brokenLineHasLineNumber()
{
    const QString path = write("[connector]\nspool = /tmp/x\nthis line is broken\n[mailbox.a\n");
    const ConfigLoadResult r = ConfigurationFile::load(path);
    QVERIFY(r.problems.size() >= 2);
    QCOMPARE(r.problems[0].line, 3);
    QVERIFY(r.problems[0].toString().startsWith(path + QStringLiteral(":3:")));
    QCOMPARE(r.problems[1].line, 4);
}

void TestConfiguration::missingFile()
{
    const ConfigLoadResult r = ConfigurationFile::load(m_dir.filePath(QStringLiteral("nope.ini")));
    QVERIFY(!r.ok());
    QVERIFY(r.problems.first().toString().contains(QStringLiteral("docs/configuration.md")));
}

void TestConfiguration::saveAndLoadRoundTrip()
{
    Configuration c;
    c.connector.spool = QStringLiteral("/srv/spool");
    c.connector.logLevel = LogLevel::Maximum;
    c.connector.undeliverableMailbox = QStringLiteral("postmaster@office.example");
    c.connector.intervalMinutes = 5;
    c.delivery.transport = Transport::Lmtp;
    c.delivery.port = 24;
    MailboxSettings m;
    m.name = QStringLiteral("info@isp");
    m.host = QStringLiteral("pop.isp.example");
    m.security = Pop3Security::StartTls;
    m.port = 110;
    m.auth = AuthMethod::CramMd5;
    m.user = QStringLiteral("info");
    m.localMailbox = QStringLiteral("info@office.example");
    m.leaveOnServer = true;
    m.deleteAfterDays = 14;
    m.maxMessageKb = 20480;
    m.maxMessagesPerCycle = 500;
    m.enabled = false;
    c.mailboxes.append(m);
    const QString path = m_dir.filePath(QStringLiteral("saved.ini"));
    QCOMPARE(ConfigurationFile::save(c, path), QString());
    const ConfigLoadResult r = ConfigurationFile::load(path);
    QVERIFY(r.ok());
    const MailboxSettings &l = r.configuration.mailboxes.first();
    QCOMPARE(l.name, m.name);
    QCOMPARE(l.security, m.security);
    QCOMPARE(l.auth, m.auth);
    QCOMPARE(l.deleteAfterDays, 14);
    QCOMPARE(l.maxMessagesPerCycle, 500);
    QCOMPARE(l.enabled, false);
    QCOMPARE(r.configuration.connector.logLevel, LogLevel::Maximum);
    QCOMPARE(r.configuration.delivery.transport, Transport::Lmtp);
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    QVERIFY(!f.readAll().contains("password"));
}

void TestConfiguration::relativePathsFollowTheFile()
{
    const ConfigLoadResult r = ConfigurationFile::load(write(
        "[connector]\nspool = spool\n[mailbox.a]\nhost=h\nuser=u\npassword_file = secret/a.pw\n"));
    QCOMPARE(r.configuration.connector.spool, m_dir.filePath(QStringLiteral("spool")));
    QCOMPARE(r.configuration.mailboxes.first().passwordFile,
        m_dir.filePath(QStringLiteral("secret/a.pw")));
}

void TestConfiguration::addressesThePipelineTakesLoad()
{
    const ConfigLoadResult r = ConfigurationFile::load(
        write("[connector]\nundeliverable_mailbox = post.master+x@xn--r8jz45g.example\n"
              "[mailbox.a]\nhost=h\nuser=u\nlocal_mailbox = info@[192.0.2.1]\n"
              "rule1 = *@office.example -> *@office.example\n"));
    QVERIFY(r.ok());
}

void TestConfiguration::oldUnlimitedSizeReadsAsTheDefault()
{
    const ConfigLoadResult r =
        ConfigurationFile::load(write("[mailbox.a]\nhost=h\nuser=u\nmax_message_kb = 0\n"));
    QVERIFY(r.ok());
    QCOMPARE(r.configuration.mailboxes.first().maxMessageKb, MailboxSettings::kDefaultMaxMessageKb);
}

namespace {

// The rows "| `key` | default | allowed |" of each "### [section]" table in the Keys chapter of
// docs/configuration.md, by section and key.
QMap<QString, QMap<QString, QStringList>> documentedKeys()
{
    QFile doc(QStringLiteral(P3C_SOURCE_DIR "/docs/configuration.md"));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    QMap<QString, QMap<QString, QStringList>> out;
    QString section;
    static const QRegularExpression heading(QStringLiteral("^### \\[([a-z.A-Z]+)\\]$"));
    static const QRegularExpression row(
        QStringLiteral("^\\| `([a-z_0-9]+)`[^|]* \\| (.*) \\| (.*) \\|$"));
    const QString md = QString::fromUtf8(doc.readAll());
    for (const QString &line : md.split(u'\n')) {
        if (const QRegularExpressionMatch h = heading.match(line); h.hasMatch())
            section = h.captured(1);
        else if (line.startsWith(QStringLiteral("## ")))
            section.clear();
        else if (const QRegularExpressionMatch r = row.match(line);
                 r.hasMatch() && !section.isEmpty())
            out[section][r.captured(1)] = {r.captured(2), r.captured(3)};
    }
    return out;
}

// What docs/configuration.md says of `key` agrees with its row in the table: the default, and
// for numbers, choices and booleans what is allowed.
template<typename S>
void compareWithDocs(const QList<ConfigKey<S>> &keys, QMap<QString, QStringList> documented)
{
    for (const ConfigKey<S> &key : keys) {
        QVERIFY2(documented.contains(key.name),
            qPrintable(key.name + QStringLiteral(" is not documented")));
        const QStringList cells = documented.take(key.name);
        const QString shown = fileValue(key.type, key.choices, defaultValue(key)).toString();
        const QString where = key.name + QStringLiteral(": ") + cells.join(QStringLiteral(" | "));
        // The spool's default, a folder of this machine, is the one not compared.
        if (shown.isEmpty()) // "(none)", "(required)"
            QVERIFY2(cells[0].startsWith(u'('), qPrintable(where));
        else if (key.fallback && key.type == KeyType::Number) // "25 (24 for lmtp, 465 for tls)"
            QVERIFY2(cells[0].startsWith(shown + u' '), qPrintable(where));
        else if (!key.fallback)
            QVERIFY2(cells[0].startsWith(u'`' + shown + u'`'), qPrintable(where));
        QString allowed;
        if (key.type == KeyType::Number)
            allowed = QStringLiteral("%1 to %2").arg(key.min).arg(key.max);
        else if (key.type == KeyType::Boolean)
            allowed = QStringLiteral("boolean");
        else if (key.type == KeyType::Choice) {
            QStringList names;
            for (const QString &name : *key.choices)
                names.append(u'`' + name + u'`');
            allowed = names.join(QStringLiteral(", "));
        }
        QVERIFY2(cells[1].startsWith(allowed),
            qPrintable(where + QStringLiteral(" -- allowed ") + allowed));
    }
    // rule1, rule2 ... are read apart from the table.
    documented.remove(QStringLiteral("rule1"));
    QCOMPARE(documented.keys(), QStringList());
}

} // namespace

void TestConfiguration::documentedKeysAreTheTable()
{
    const QMap<QString, QMap<QString, QStringList>> docs = documentedKeys();
    QCOMPARE(docs.keys(),
        (QStringList {QStringLiteral("connector"), QStringLiteral("delivery"),
            QStringLiteral("mailbox.NAME")}));
    compareWithDocs(connectorKeys(), docs.value(QStringLiteral("connector")));
    compareWithDocs(deliveryKeys(), docs.value(QStringLiteral("delivery")));
    compareWithDocs(mailboxKeys(), docs.value(QStringLiteral("mailbox.NAME")));
}

void TestConfiguration::controlChannelAndPasswordStore()
{
    // A desktop user's configuration keeps passwords in the keychain, with the control socket in
    // its default place and the default administrators' group.
    const ConfigLoadResult plain = ConfigurationFile::load(write("[connector]\nspool = s\n"));
    QVERIFY(plain.ok());
    QCOMPARE(plain.configuration.connector.passwordStore, PasswordStore::Keychain);
    QCOMPARE(plain.configuration.connector.controlSocket, QString());
    QCOMPARE(plain.configuration.connector.controlGroup, QStringLiteral("pop3connector"));
    QCOMPARE(plain.configuration.connector.controlBacklogKb, 8192);
    QVERIFY(
        ConfigurationFile::isSystemPath(QStringLiteral("/etc/pop3connector/pop3connector.ini")));
    QVERIFY(!ConfigurationFile::isSystemPath(m_dir.filePath(QStringLiteral("c1.ini"))));

    const ConfigLoadResult set = ConfigurationFile::load(
        write("[connector]\nspool = s\ncontrol_socket = run/control\ncontrol_group = mailadm\n"
              "control_backlog_kb = 256\npassword_store = files\n"));
    QVERIFY(set.ok());
    const ConnectorSettings &c = set.configuration.connector;
    QCOMPARE(c.controlSocket, m_dir.filePath(QStringLiteral("run/control")));
    QCOMPARE(c.controlGroup, QStringLiteral("mailadm"));
    QCOMPARE(c.controlBacklogKb, 256);
    QCOMPARE(c.passwordStore, PasswordStore::Files);

    const QString path = m_dir.filePath(QStringLiteral("control.ini"));
    QCOMPARE(ConfigurationFile::save(set.configuration, path), QString());
    const ConfigLoadResult back = ConfigurationFile::load(path);
    QVERIFY(back.ok());
    QCOMPARE(back.configuration.connector.controlSocket, c.controlSocket);
    QCOMPARE(back.configuration.connector.controlGroup, c.controlGroup);
    QCOMPARE(back.configuration.connector.controlBacklogKb, 256);
    QCOMPARE(back.configuration.connector.passwordStore, PasswordStore::Files);
}

// The manager reads the configuration the service sends as the file at its path would be read.
void TestConfiguration::textIsParsedAsTheFileItWouldBe()
{
    const QString path = m_dir.filePath(QStringLiteral("elsewhere/never-written.ini"));
    const ConfigLoadResult r = ConfigurationFile::parse(
        "[connector]\nspool = s\n[mailbox.a]\nhost = h\nuser = u\nlocal_mailbox = a@b.example\n"
        "colour = blue\n",
        path);
    QCOMPARE(r.configuration.path, path);
    QCOMPARE(r.configuration.connector.spool, m_dir.filePath(QStringLiteral("elsewhere/s")));
    QCOMPARE(r.configuration.mailboxes.size(), 1);
    QCOMPARE(r.problems.size(), 1);
    QVERIFY(r.problems.first().toString().startsWith(path));
    QVERIFY(!QFile::exists(path));
}

// What an administrator wrote stays: comments, blank lines, relative paths, the order and the
// spelling of every line whose value did not change; a changed key is rewritten where it is, a
// new one goes at the end of its section, a removed mailbox goes with its lines.
void TestConfiguration::rewriteChangesOnlyWhatChanged()
{
    const QByteArray original = "; The office's connector. Ask Tanaka before changing it.\n"
                                "[connector]\n"
                                "spool = spool   \n"
                                "log_level = medium\n"
                                "\n"
                                "; every quarter of an hour\n"
                                "interval_minutes = 15\n"
                                "\n"
                                "[delivery]\n"
                                "transport = lmtp\n"
                                "host = 127.0.0.1\n"
                                "\n"
                                "# the shop's mailbox\n"
                                "[mailbox.shop]\n"
                                "host = pop.isp.example\n"
                                "user = shop\n"
                                "local_mailbox = sales@office.example\n"
                                "\n"
                                "; the catch-all, to be retired\n"
                                "[mailbox.old]\n"
                                "host = pop.isp.example\n"
                                "user = old\n"
                                "type = global\n"
                                "accepted_domains = office.example, shop.example\n"
                                "rule1 = *@office.example -> *@office.example\n"
                                "\n"
                                "[mailbox.all]\n"
                                "host = pop.isp.example\n"
                                "user = all\n"
                                "type = global\n"
                                "accepted_domains = office.example\n"
                                "rule1 = boss@office.example -> tanaka@office.example\n";
    const QString path = write(original);
    ConfigLoadResult loaded = ConfigurationFile::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.problems.value(0).toString()));
    Configuration next = loaded.configuration;
    next.connector.logLevel = LogLevel::Maximum;
    next.connector.undeliverableMailbox = QStringLiteral("postmaster@office.example");
    next.delivery.port = 2424;
    next.mailboxes.removeIf([](const MailboxSettings &m) { return m.name == u"old"; });
    // Sections are read in the order of their names, not of the file: find them by name.
    const auto named = [&next](const char *name) -> MailboxSettings & {
        return *std::find_if(next.mailboxes.begin(), next.mailboxes.end(),
            [name](const MailboxSettings &m) { return m.name == QLatin1String(name); });
    };
    named("shop").leaveOnServer = true;
    named("all").rules.append(
        {QStringLiteral("*@office.example"), QStringLiteral("*@office.example")});
    MailboxSettings added;
    added.name = QStringLiteral("info");
    added.host = QStringLiteral("pop.isp.example");
    added.user = QStringLiteral("info; \"x\", y");
    added.localMailbox = QStringLiteral("info@office.example");
    next.mailboxes.append(added);

    const QByteArray text = ConfigurationText::rewrite(original, path, next);
    const QByteArray expected = "; The office's connector. Ask Tanaka before changing it.\n"
                                "[connector]\n"
                                "spool = spool   \n"
                                "log_level = maximum\n"
                                "\n"
                                "; every quarter of an hour\n"
                                "interval_minutes = 15\n"
                                "undeliverable_mailbox = postmaster@office.example\n"
                                "\n"
                                "[delivery]\n"
                                "transport = lmtp\n"
                                "host = 127.0.0.1\n"
                                "port = 2424\n"
                                "\n"
                                "# the shop's mailbox\n"
                                "[mailbox.shop]\n"
                                "host = pop.isp.example\n"
                                "user = shop\n"
                                "local_mailbox = sales@office.example\n"
                                "leave_on_server = true\n"
                                "\n"
                                "; the catch-all, to be retired\n"
                                "[mailbox.all]\n"
                                "host = pop.isp.example\n"
                                "user = all\n"
                                "type = global\n"
                                "accepted_domains = office.example\n"
                                "rule1 = boss@office.example -> tanaka@office.example\n"
                                "rule2 = *@office.example -> *@office.example\n";
    QVERIFY2(text.startsWith(expected), text.constData());
    // The new mailbox, all its keys, after a blank line.
    const QByteArray tail = text.mid(expected.size());
    QVERIFY2(tail.startsWith("\n[mailbox.info]\nhost = pop.isp.example\n"), tail.constData());
    QVERIFY(tail.contains("user = \"info; \\\"x\\\", y\"\n"));

    // Read back, it says what was asked, and a rewrite with nothing changed changes nothing.
    const ConfigLoadResult back = ConfigurationFile::parse(text, path);
    QVERIFY2(back.ok(), qPrintable(back.problems.value(0).toString()));
    const auto byName = [](Configuration c) {
        std::sort(c.mailboxes.begin(), c.mailboxes.end(),
            [](const MailboxSettings &a, const MailboxSettings &b) { return a.name < b.name; });
        return ConfigurationText::write(c);
    };
    QCOMPARE(byName(back.configuration), byName(next));
    QCOMPARE(back.configuration.mailbox(QStringLiteral("info"))->user, added.user);
    QCOMPARE(ConfigurationText::rewrite(text, path, back.configuration), text);
    QCOMPARE(ConfigurationText::rewrite(original, path, loaded.configuration), original);

    // A key set back to a default it may leave out is taken out.
    Configuration socketless = back.configuration;
    socketless.connector.controlSocket = m_dir.filePath(QStringLiteral("run/control"));
    const QByteArray withSocket = ConfigurationText::rewrite(text, path, socketless);
    QVERIFY(withSocket.contains("control_socket = "));
    QCOMPARE(ConfigurationText::rewrite(withSocket, path, back.configuration), text);
}

void TestConfiguration::rewriteOfNothingWritesWhatDiffersFromTheDefaults()
{
    const QString path = m_dir.filePath(QStringLiteral("new/pop3connector.ini"));
    Configuration c = ConfigurationFile::parse({}, path).configuration;
    QVERIFY(!c.connector.spool.isEmpty()); // the real default, never "/"
    c.connector.scheduleEnabled = false;
    const QByteArray text = ConfigurationText::rewrite({}, path, c);
    QCOMPARE(text, QByteArray("[connector]\nschedule_enabled = false\n"));
    const ConfigLoadResult whole = ConfigurationFile::parse(ConfigurationText::write(c), path);
    QVERIFY(whole.ok());
    QCOMPARE(ConfigurationText::write(whole.configuration), ConfigurationText::write(c));
}

void TestConfiguration::defaultPathIsTheSystemsWhenReadable()
{
    // This machine's tests have no /etc/pop3connector (the package's), or it is readable: the
    // default is the one the rule gives, and the same for every program.
    const QFileInfo system(ConfigurationFile::systemPath());
    QCOMPARE(ConfigurationFile::defaultPath(),
        system.exists() && system.isReadable() ? ConfigurationFile::systemPath()
                                               : ConfigurationFile::userPath());
    QVERIFY(
        ConfigurationFile::userPath().endsWith(QStringLiteral("/pop3connector/pop3connector.ini")));
}

void TestConfiguration::oauthPresetsFillAndYield()
{
    // A preset names the server and the endpoints; the file may override any of them.
    const ConfigLoadResult r = ConfigurationFile::load(
        write("[mailbox.o365]\nuser = info@office.example\nauth = xoauth2\n"
              "oauth_provider = microsoft\noauth_client_id = 6731de76\n"
              "[mailbox.gmail]\nuser = a@gmail.example\nauth = oauthbearer\n"
              "oauth_provider = google\noauth_client_id = g\noauth_client_secret = s\n"
              "oauth_token_url = http://127.0.0.1:9/token\nhost = 127.0.0.1\n"));
    QVERIFY2(r.ok(), qPrintable(r.problems.value(0).toString()));
    const MailboxSettings *ms = r.configuration.mailbox(QStringLiteral("o365"));
    QVERIFY(ms && ms->usesOAuth());
    QCOMPARE(ms->host, QStringLiteral("outlook.office365.com"));
    QCOMPARE(ms->port, 995);
    QCOMPARE(ms->security, Pop3Security::Tls);
    QCOMPARE(ms->oauthScopes,
        QStringLiteral("https://outlook.office.com/POP.AccessAsUser.All offline_access"));
    QCOMPARE(ms->oauthDeviceUrl,
        QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/devicecode"));
    QCOMPARE(ms->refreshTokenKey(), QStringLiteral("oauth/o365"));
    const MailboxSettings *g = r.configuration.mailbox(QStringLiteral("gmail"));
    QVERIFY(g);
    QCOMPARE(g->auth, AuthMethod::OAuthBearer);
    QCOMPARE(g->host, QStringLiteral("127.0.0.1"));
    QCOMPARE(g->oauthTokenUrl, QStringLiteral("http://127.0.0.1:9/token"));
    QCOMPARE(g->oauthScopes, QStringLiteral("https://mail.google.com/"));
    QCOMPARE(g->oauthClientSecret, QStringLiteral("s"));

    // Saved, a preset's values stay out of the file, an override stays in; both load back.
    const QString path = m_dir.filePath(QStringLiteral("oauth.ini"));
    QCOMPARE(ConfigurationFile::save(r.configuration, path), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    QVERIFY(!saved.contains("devicecode"));
    QVERIFY(saved.contains("oauth_token_url=http://127.0.0.1:9/token"));
    const ConfigLoadResult again = ConfigurationFile::load(path);
    QVERIFY(again.ok());
    QCOMPARE(again.configuration.mailbox(QStringLiteral("o365"))->oauthTokenUrl, ms->oauthTokenUrl);
    QCOMPARE(again.configuration.mailbox(QStringLiteral("gmail"))->oauthTokenUrl, g->oauthTokenUrl);
}

QTEST_GUILESS_MAIN(TestConfiguration)
#include "tst_configuration.moc"
