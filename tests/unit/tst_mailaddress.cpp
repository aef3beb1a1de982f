// The address validator (RFC 5321 §4.1.2 Mailbox, RFC 6531) and the extraction of addr-specs
// from header values, by tables: what is an address, in which canonical form, and everything
// that must never become one.
#include "protocol/mailaddress.h"
#include "protocol/mimeparser.h"

#include <QTest>

using namespace Pop3Connector;

class TestMailAddress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void everyControlCharacter();
    void lengthLimits();
    void nullPath();
    void canonicalDomain_data();
    void canonicalDomain();
    void printable_data();
    void printable();
    void addrSpecs_data();
    void addrSpecs();
};

void TestMailAddress::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<bool>("ascii");
    const auto same = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << text << true;
    };
    same("plain", QStringLiteral("alice@office.example"));
    same("dots", QStringLiteral("first.middle.last@office.example"));
    same("every atext character", QStringLiteral("a!#$%&'*+-/=?^_`{|}~z@x.example"));
    same("digits", QStringLiteral("0123@123.example"));
    same("hyphen inside a label", QStringLiteral("a@my-host.example"));
    same("one label", QStringLiteral("postmaster@localhost"));
    same("quoted space", QStringLiteral("\"john smith\"@x.example"));
    same("quoted two dots", QStringLiteral("\"a..b\"@x.example"));
    same("quoted at sign", QStringLiteral("\"a@b\"@x.example"));
    same("quoted angle brackets", QStringLiteral("\"a>b<c\"@x.example"));
    same("quoted comma and colon", QStringLiteral("\"a,b:c\"@x.example"));
    same("quoted escaped quote", QStringLiteral("\"a\\\"b\"@x.example"));
    same("quoted escaped backslash", QStringLiteral("\"a\\\\b\"@x.example"));
    same("ipv4 literal", QStringLiteral("a@[192.0.2.1]"));
    same("ipv6 literal", QStringLiteral("a@[IPv6:2001:db8::1]"));
    same("ipv6 with ipv4 tail", QStringLiteral("a@[IPv6:::ffff:192.0.2.1]"));
    same("a-label", QStringLiteral("bob@xn--bcher-kva.example"));
    QTest::newRow("domain lower-cased, local part kept")
        << QStringLiteral("Alice@Office.EXAMPLE") << QStringLiteral("Alice@office.example") << true;
    QTest::newRow("quotes not needed")
        << QStringLiteral("\"bob\"@x.example") << QStringLiteral("bob@x.example") << true;
    QTest::newRow("quoted dot-string")
        << QStringLiteral("\"a.b\"@x.example") << QStringLiteral("a.b@x.example") << true;
    QTest::newRow("needless backslash")
        << QStringLiteral("\"a\\b\"@x.example") << QStringLiteral("ab@x.example") << true;
    QTest::newRow("ipv6 tag in other case")
        << QStringLiteral("a@[ipv6:2001:DB8::1]") << QStringLiteral("a@[IPv6:2001:db8::1]") << true;
    QTest::newRow("international domain") << QStringLiteral("bob@bücher.example")
                                          << QStringLiteral("bob@xn--bcher-kva.example") << true;
    QTest::newRow("utf-8 local part")
        << QStringLiteral("müller@example.de") << QStringLiteral("müller@example.de") << false;
    QTest::newRow("japanese") << QStringLiteral("山田@例え.jp")
                              << QStringLiteral("山田@xn--r8jz45g.jp") << false;
    QTest::newRow("utf-8 quoted") << QStringLiteral("\"山田 太郎\"@example.jp")
                                  << QStringLiteral("\"山田 太郎\"@example.jp") << false;
    QTest::newRow("64-octet local part")
        << QString(64, u'l') + QStringLiteral("@x.example")
        << QString(64, u'l') + QStringLiteral("@x.example") << true;
}

void TestMailAddress::valid()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(bool, ascii);
    const Result<MailAddress> a = MailAddress::parse(text);
    QVERIFY2(a, qPrintable(a ? QString() : a.error().message));
    QCOMPARE(a->toString(), canonical);
    QCOMPARE(a->toPath(), '<' + canonical.toUtf8() + '>');
    QCOMPARE(a->isAscii(), ascii);
    QVERIFY(!a->isNull());
    // Canonical means a fixed point.
    const Result<MailAddress> again = MailAddress::parse(a->toString());
    QVERIFY(again);
    QCOMPARE(*again, *a);
}

void TestMailAddress::invalid_data()
{
    QTest::addColumn<QString>("text");
    const auto row = [](const char *name, const QString &text) { QTest::newRow(name) << text; };
    row("empty", QString());
    row("at only", QStringLiteral("@"));
    row("no at", QStringLiteral("alice"));
    row("no local part", QStringLiteral("@office.example"));
    row("no domain", QStringLiteral("alice@"));
    row("two at signs", QStringLiteral("a@b@office.example"));
    row("leading space", QStringLiteral(" alice@office.example"));
    row("trailing space", QStringLiteral("alice@office.example "));
    row("space inside", QStringLiteral("a b@office.example"));
    row("angle brackets around", QStringLiteral("<alice@office.example>"));
    row("display name", QStringLiteral("Alice <alice@office.example>"));
    row("two dots", QStringLiteral("a..b@office.example"));
    row("leading dot", QStringLiteral(".a@office.example"));
    row("trailing dot", QStringLiteral("a.@office.example"));
    row("domain leading dot", QStringLiteral("a@.office.example"));
    row("domain trailing dot", QStringLiteral("a@office.example."));
    row("domain two dots", QStringLiteral("a@office..example"));
    row("label leading hyphen", QStringLiteral("a@-office.example"));
    row("label trailing hyphen", QStringLiteral("a@office-.example"));
    row("underscore in domain", QStringLiteral("a@office_1.example"));
    row("label of 64", QStringLiteral("a@") + QString(64, u'd') + QStringLiteral(".example"));
    row("'<' unquoted", QStringLiteral("a<b@office.example"));
    row("'>' unquoted", QStringLiteral("a>b@office.example"));
    row("'>' in domain", QStringLiteral("a@office.example>"));
    row("'<' in domain", QStringLiteral("a@<office.example"));
    row("injection cut at the last '<'", QStringLiteral("\"a>\tRCPT TO:<x\"@office.example"));
    row("unquoted injection", QStringLiteral("a>RCPT TO:<x@office.example"));
    row("folded quoted local part",
        QStringLiteral("\"q\r\n x-receiver: attacker@evil.example\r\n x-receiver: "
                       "z\"@office.example"));
    row("quoted crlf", QStringLiteral("\"a\r\nb\"@office.example"));
    row("quoted lf", QStringLiteral("\"a\nb\"@office.example"));
    row("quoted bare cr", QStringLiteral("\"a\rb\"@office.example"));
    row("quoted escaped cr", QStringLiteral("\"a\\\rb\"@office.example"));
    row("quoted tab", QStringLiteral("\"a\tb\"@office.example"));
    row("quoted nul", QStringLiteral("\"a") + QChar(0) + QStringLiteral("b\"@office.example"));
    row("quoted del", QStringLiteral("\"a\x7f b\"@office.example"));
    row("cr in domain", QStringLiteral("a@office\r.example"));
    row("lf at the end", QStringLiteral("a@office.example\n"));
    row("crlf at the start", QStringLiteral("\r\na@office.example"));
    row("nul at the end", QStringLiteral("a@office.example") + QChar(0));
    row("unclosed quote", QStringLiteral("\"alice@office.example"));
    row("quote then text", QStringLiteral("\"a\"b@office.example"));
    row("empty quotes", QStringLiteral("\"\"@office.example"));
    row("backslash at the end of quotes", QStringLiteral("\"a\\\"@office.example"));
    row("backslash before non-ascii", QStringLiteral("\"a\\é\"@office.example"));
    row("ipv4 short", QStringLiteral("a@[192.0.2]"));
    row("ipv4 over 255", QStringLiteral("a@[256.0.2.1]"));
    row("ipv4 four digits", QStringLiteral("a@[0192.0.2.1]"));
    row("ipv6 garbage", QStringLiteral("a@[IPv6:zz::1]"));
    row("ipv6 zone", QStringLiteral("a@[IPv6:fe80::1%eth0]"));
    row("ipv6 without tag", QStringLiteral("a@[2001:db8::1]"));
    row("general literal", QStringLiteral("a@[x400:c=us]"));
    row("unclosed literal", QStringLiteral("a@[192.0.2.1"));
    row("literal with text after", QStringLiteral("a@[192.0.2.1]x"));
    row("c1 control nel", QStringLiteral("a\u0085b@office.example"));
    row("line separator", QStringLiteral("a\u2028b@office.example"));
    row("paragraph separator", QStringLiteral("\"a\u2029b\"@office.example"));
    row("zero width space", QStringLiteral("a\u200bb@office.example"));
    row("right-to-left override", QStringLiteral("a\u202eb@office.example"));
    row("byte order mark", QStringLiteral("\ufeffa@office.example"));
    row("no-break space", QStringLiteral("a\u00a0b@office.example"));
    row("ideographic space in quotes", QStringLiteral("\"a\u3000b\"@office.example"));
    row("replacement character (bytes that were not utf-8)",
        QStringLiteral("a\ufffdb@office.example"));
    row("private use", QStringLiteral("a\ue000b@office.example"));
    row("lone surrogate", QStringLiteral("a") + QChar(0xd800) + QStringLiteral("b@x.example"));
    row("zero width space in the domain", QStringLiteral("a@bü\u200bcher.example"));
    row("control in an international domain", QStringLiteral("a@bü\u0001cher.example"));
}

void TestMailAddress::invalid()
{
    QFETCH(QString, text);
    const Result<MailAddress> a = MailAddress::parse(text);
    QVERIFY2(!a, qPrintable(a ? a->toString() : QString()));
    QCOMPARE(a.error().code, ErrorCode::InvalidInput);
    QVERIFY(!a.error().message.isEmpty());
}

void TestMailAddress::everyControlCharacter()
{
    // C0, DEL and C1, at the start, inside and at the end of each part, quoted or not.
    QList<char16_t> controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(c);
    for (char16_t c = 0x7f; c < 0xa0; ++c)
        controls.append(c);
    for (char16_t c : std::as_const(controls)) {
        const QString x(QChar {c});
        const QStringList forms = {x + QStringLiteral("a@b.example"),
            QStringLiteral("a") + x + QStringLiteral("a@b.example"),
            QStringLiteral("a") + x + QStringLiteral("@b.example"),
            QStringLiteral("\"a") + x + QStringLiteral("a\"@b.example"),
            QStringLiteral("\"a\\") + x + QStringLiteral("a\"@b.example"),
            QStringLiteral("a@") + x + QStringLiteral("b.example"),
            QStringLiteral("a@b") + x + QStringLiteral(".example"),
            QStringLiteral("a@b.example") + x, QStringLiteral("a@[192.0.2.1") + x + u']'};
        for (const QString &form : forms) {
            const Result<MailAddress> a = MailAddress::parse(form);
            QVERIFY2(!a,
                qPrintable(QStringLiteral("U+%1 accepted in %2")
                               .arg(uint(c), 4, 16, QLatin1Char('0'))
                               .arg(MailAddress::printable(form))));
        }
    }
}

void TestMailAddress::lengthLimits()
{
    const QString local64(64, u'l');
    QVERIFY(MailAddress::parse(local64 + QStringLiteral("@x.example")));
    QVERIFY(!MailAddress::parse(local64 + QStringLiteral("l@x.example")));
    // 64 octets of UTF-8 are fewer characters: 21 three-octet ones are 63, 22 are 66.
    QVERIFY(MailAddress::parse(QString(21, QChar(0x5c71)) + QStringLiteral("@x.example")));
    QVERIFY(!MailAddress::parse(QString(22, QChar(0x5c71)) + QStringLiteral("@x.example")));
    // The quotes count.
    QVERIFY(MailAddress::parse(u'"' + QString(61, u' ') + QStringLiteral("\"@x.example")));
    QVERIFY(!MailAddress::parse(u'"' + QString(63, u' ') + QStringLiteral("\"@x.example")));
    // A path is at most 256 octets with its brackets: local + '@' + domain <= 254.
    const QString label63(63, u'd');
    const QString domain252 = QStringList {label63, label63, label63, label63.left(60)}.join(u'.');
    QCOMPARE(domain252.size(), 252);
    QVERIFY(MailAddress::parse(QStringLiteral("a@") + domain252));
    QVERIFY(!MailAddress::parse(QStringLiteral("ab@") + domain252));
    // The domain alone: at most 255 octets.
    QVERIFY(!MailAddress::parse(QStringLiteral("a@")
        + QStringList {label63, label63, label63, label63, label63}.join(u'.')));
    QVERIFY(MailAddress::canonicalDomain(
                QStringList {label63, label63, label63, label63.left(63)}.join(u'.'))
                .size()
        == 255);
    QVERIFY(MailAddress::canonicalDomain(
        QStringList {label63, label63, label63, label63, label63}.join(u'.'))
                .isEmpty());
}

void TestMailAddress::nullPath()
{
    const MailAddress null = MailAddress::nullPath();
    QVERIFY(null.isNull());
    QCOMPARE(null.toPath(), QByteArray("<>"));
    QCOMPARE(null.toString(), QString());
    QCOMPARE(MailAddress(), null);
    QVERIFY(!MailAddress::parse(QStringLiteral("<>")));
    QVERIFY(!(MailAddress::parse(QStringLiteral("a@b.example")).value() == null));
}

void TestMailAddress::canonicalDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("lower") << QStringLiteral("Office.Example") << QStringLiteral("office.example");
    QTest::newRow("idn") << QStringLiteral("Bücher.example")
                         << QStringLiteral("xn--bcher-kva.example");
    QTest::newRow("space") << QStringLiteral("office example") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("line break") << QStringLiteral("office.example\r\n") << QString();
}

void TestMailAddress::canonicalDomain()
{
    QFETCH(QString, domain);
    QFETCH(QString, canonical);
    QCOMPARE(MailAddress::canonicalDomain(domain), canonical);
}

void TestMailAddress::printable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("a@b.example") << QStringLiteral("a@b.example");
    QTest::newRow("folded") << QStringLiteral(
        "\"q\r\n x-receiver: attacker@evil.example\"@office.example")
                            << QStringLiteral(
                                   "\"q\\r\\n x-receiver: attacker@evil.example\"@office.example");
    QTest::newRow("tab, nul, esc, del") << QStringLiteral("a\tb") + QChar(0)
            + QStringLiteral("\x1b\x7f") << QStringLiteral("a\\tb\\x00\\x1B\\x7F");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("a\\\\b");
    QTest::newRow("invisible") << QStringLiteral("a\u202eb\u2028")
                               << QStringLiteral("a\\u{202E}b\\u{2028}");
    QTest::newRow("text stays") << QStringLiteral("山田 <x>") << QStringLiteral("山田 <x>");
    QTest::newRow("cut") << QString(400, u'x') << QString(320, u'x') + QChar(0x2026);
}

void TestMailAddress::printable()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(MailAddress::printable(text), shown);
}

void TestMailAddress::addrSpecs_data()
{
    // A header's value as GMime gives it raw (leading space, CRLF at the end); the addr-specs.
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("specs");
    QTest::newRow("bare") << QByteArray(" bob@office.example\r\n")
                          << QStringList {QStringLiteral("bob@office.example")};
    QTest::newRow("angle") << QByteArray(" <bob@office.example>\r\n")
                           << QStringList {QStringLiteral("bob@office.example")};
    QTest::newRow("display names, commas in quotes")
        << QByteArray(" \"Smith, Bob\" <bob@office.example>, Carol <carol@office.example>\r\n")
        << QStringList {
               QStringLiteral("bob@office.example"), QStringLiteral("carol@office.example")};
    QTest::newRow("angle in a quoted display name")
        << QByteArray(" \"Evil <attacker@evil.example>\" <bob@office.example>")
        << QStringList {QStringLiteral("bob@office.example")};
    QTest::newRow("comment") << QByteArray(" bob@office.example (added (nested) by isp)")
                             << QStringList {QStringLiteral("bob@office.example")};
    QTest::newRow("comment with a comma")
        << QByteArray(" bob@office.example (a, b), c@d.example")
        << QStringList {QStringLiteral("bob@office.example"), QStringLiteral("c@d.example")};
    QTest::newRow("folded between addresses")
        << QByteArray(" a@office.example,\r\n b@office.example")
        << QStringList {QStringLiteral("a@office.example"), QStringLiteral("b@office.example")};
    QTest::newRow("space around at") << QByteArray(" bob @ office.example")
                                     << QStringList {QStringLiteral("bob@office.example")};
    QTest::newRow("group") << QByteArray(" team: a@x.example, b@y.example;, c@z.example")
                           << QStringList {QStringLiteral("a@x.example"),
                                  QStringLiteral("b@y.example"), QStringLiteral("c@z.example")};
    QTest::newRow("empty group") << QByteArray(" undisclosed-recipients:;") << QStringList {};
    QTest::newRow("obsolete route") << QByteArray(" <@a.example,@b.example:bob@office.example>")
                                    << QStringList {QStringLiteral("bob@office.example")};
    QTest::newRow("null path") << QByteArray(" <>\r\n") << QStringList {QString()};
    QTest::newRow("forgotten comma")
        << QByteArray(" <a@x.example> <b@x.example>")
        << QStringList {QStringLiteral("a@x.example"), QStringLiteral("b@x.example")};
    QTest::newRow("a-label kept") << QByteArray(" bob@xn--bcher-kva.example")
                                  << QStringList {QStringLiteral("bob@xn--bcher-kva.example")};
    QTest::newRow("encoded word not decoded")
        << QByteArray(" =?utf-8?q?a=0D=0Ab?= <=?utf-8?q?x=0D=0A?=@office.example>")
        << QStringList {QStringLiteral("=?utf-8?q?x=0D=0A?=@office.example")};
    // The attacks: kept as they are for the validator to refuse, never repaired into addresses.
    QTest::newRow("folded quoted local part")
        << QByteArray(" \"q\r\n x-receiver: attacker@evil.example\r\n x-receiver: "
                      "z\"@office.example\r\n")
        << QStringList {QStringLiteral("\"q\r\n x-receiver: attacker@evil.example\r\n "
                                       "x-receiver: z\"@office.example")};
    QTest::newRow("angle bracket inside quotes")
        << QByteArray(" \"a>\tRCPT TO:<x\"@office.example\r\n")
        << QStringList {QStringLiteral("\"a>\tRCPT TO:<x\"@office.example")};
    QTest::newRow("nested angle") << QByteArray(" <a<b@office.example>")
                                  << QStringList {QStringLiteral("a<b@office.example")};
    QTest::newRow("unclosed angle")
        << QByteArray(" <bob@office.example") << QStringList {QStringLiteral("bob@office.example")};
    QTest::newRow("unclosed quote")
        << QByteArray(" \"bob@office.example, c@d.example")
        << QStringList {QStringLiteral("\"bob@office.example, c@d.example")};
    QTest::newRow("space inside") << QByteArray(" a b@office.example")
                                  << QStringList {QStringLiteral("a b@office.example")};
    QTest::newRow("utf-8") << QByteArray(" 山田 <yamada@例え.jp>")
                           << QStringList {QStringLiteral("yamada@例え.jp")};
    QTest::newRow("not utf-8") << QByteArray(" a\xff@office.example")
                               << QStringList {QStringLiteral("a\ufffd@office.example")};
}

void TestMailAddress::addrSpecs()
{
    QFETCH(QByteArray, value);
    QFETCH(QStringList, specs);
    QCOMPARE(MimeParser::addrSpecs(value), specs);
}

QTEST_GUILESS_MAIN(TestMailAddress)
#include "tst_mailaddress.moc"
