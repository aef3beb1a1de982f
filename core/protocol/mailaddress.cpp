#include "protocol/mailaddress.h"

#include <QHostAddress>
#include <QList>
#include <QUrl>

namespace Pop3Connector {

namespace {

constexpr int kMaxLabel = 63; // octets, RFC 1035 §2.3.4

// The code points of `text`; nothing when it holds half of a surrogate pair (not text at all).
std::optional<QList<char32_t>> codePoints(QStringView text)
{
    QList<char32_t> out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < text.size()
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            out.append(QChar::surrogateToUcs4(u, text[i + 1].unicode()));
            ++i;
        } else if (QChar::isSurrogate(u)) {
            return std::nullopt;
        } else {
            out.append(u);
        }
    }
    return out;
}

int utf8Length(QStringView s)
{
    return int(s.toUtf8().size());
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

// RFC 6531 lets any UTF-8 into atext and qtext. We take printable text only: an invisible
// character (a format character, a separator, a private or unassigned code point, or U+FFFD
// for bytes that were not UTF-8) makes two addresses look alike in a log, or hides what a
// line holds, and no real mailbox needs one.
bool isVisibleNonAscii(char32_t c)
{
    if (c < 0xa0 || c == 0xfffd || QChar::isNonCharacter(c))
        return false;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

// RFC 5322 §3.2.3 atext, with RFC 6531's UTF8-non-ascii.
bool isAtext(char32_t c)
{
    if (c >= 0x80)
        return isVisibleNonAscii(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != 0 && QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(char(c));
}

// RFC 5321 §4.1.2 Dot-string: Atom *("." Atom).
bool isDotString(const QList<char32_t> &s)
{
    if (s.isEmpty() || s.first() == '.' || s.last() == '.')
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == '.') {
            if (s[i - 1] == '.')
                return false;
        } else if (!isAtext(s[i])) {
            return false;
        }
    }
    return true;
}

QString fromCodePoints(const QList<char32_t> &s)
{
    return QString::fromUcs4(s.constData(), s.size());
}

bool isLetDig(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// RFC 5321 §4.1.2 Domain over lower-case ASCII: sub-domains of letters, digits and inner hyphens,
// each at most 63 octets (RFC 1035).
bool isAsciiDomain(QStringView domain)
{
    if (domain.isEmpty())
        return false;
    for (QStringView label : domain.split(u'.')) {
        if (label.isEmpty() || label.size() > kMaxLabel)
            return false;
        for (QChar c : label) {
            if (c.unicode() > 127 || !(isLetDig(char(c.unicode())) || c == u'-'))
                return false;
        }
        if (label.front() == u'-' || label.back() == u'-')
            return false;
    }
    return true;
}

// The canonical domain name, or empty: ASCII lower-cased; with U-labels, the A-labels of IDNA
// (UTS #46 in QUrl::toAce), which must be a valid ASCII domain in turn.
QString canonicalDomainName(const QList<char32_t> &domain)
{
    bool ascii = true;
    for (char32_t c : domain) {
        if (c >= 0x80) {
            if (!isVisibleNonAscii(c))
                return {};
            ascii = false;
        } else if (isControl(c)) {
            return {};
        }
    }
    const QString text = fromCodePoints(domain);
    const QString lower = ascii ? text.toLower() : QString::fromLatin1(QUrl::toAce(text)).toLower();
    return isAsciiDomain(lower) ? lower : QString();
}

// RFC 5321 §4.1.3 address literal, with its brackets: IPv4, or "IPv6:" and an IPv6 address.
// General-address-literal needs a tag registered with IANA, and none but IPv6 is.
QString canonicalAddressLiteral(QStringView literal)
{
    if (literal.size() < 3 || literal.front() != u'[' || literal.back() != u']')
        return {};
    const QStringView inner = literal.sliced(1, literal.size() - 2);
    if (inner.startsWith(QLatin1StringView("IPv6:"), Qt::CaseInsensitive)) {
        const QStringView v6 = inner.sliced(5);
        for (QChar c : v6) {
            if (!(c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f') || c == u':'
                    || c == u'.')
                || c.unicode() > 127)
                return {};
        }
        QHostAddress a;
        if (v6.isEmpty() || !a.setAddress(v6.toString())
            || a.protocol() != QAbstractSocket::IPv6Protocol)
            return {};
        return QStringLiteral("[IPv6:") + v6.toString().toLower() + u']';
    }
    const QList<QStringView> parts = inner.split(u'.');
    if (parts.size() != 4)
        return {};
    for (QStringView p : parts) {
        // Snum = 1*3DIGIT, 0 to 255.
        if (p.isEmpty() || p.size() > 3)
            return {};
        for (QChar c : p) {
            if (c < u'0' || c > u'9')
                return {};
        }
        if (p.toInt() > 255)
            return {};
    }
    return literal.toString();
}

QString hex(char32_t c, int width)
{
    return QString::number(uint(c), 16).toUpper().rightJustified(width, u'0');
}

Error invalid(const QString &why)
{
    return Error {ErrorCode::InvalidInput, why};
}

} // namespace

Result<MailAddress> MailAddress::parse(QStringView text)
{
    if (text.isEmpty())
        return invalid(tr("the address is empty"));
    const std::optional<QList<char32_t>> decoded = codePoints(text);
    if (!decoded)
        return invalid(tr("the address holds half of a UTF-16 surrogate pair"));
    const QList<char32_t> &cp = *decoded;
    // Controls first, wherever they are: the reason an administrator must read.
    for (char32_t c : cp) {
        if (c == '\r' || c == '\n')
            return invalid(tr("the address holds a line break"));
        if (c == 0)
            return invalid(tr("the address holds a NUL character"));
        if (isControl(c))
            return invalid(tr("the address holds the control character U+%1").arg(hex(c, 4)));
        if (c >= 0x80 && !isVisibleNonAscii(c))
            return invalid(tr("the address holds the invisible character U+%1").arg(hex(c, 4)));
    }

    // Local part: RFC 5321 §4.1.2 Dot-string or Quoted-string.
    QList<char32_t> content;
    qsizetype at = 0;
    if (cp.first() == '"') {
        qsizetype i = 1;
        for (;; ++i) {
            if (i >= cp.size())
                return invalid(tr("the quoted local part is not closed"));
            const char32_t c = cp[i];
            if (c == '"')
                break;
            if (c == '\\') {
                // quoted-pairSMTP: a backslash and a printable ASCII character or a space.
                if (i + 1 >= cp.size() || cp[i + 1] < 0x20 || cp[i + 1] > 0x7e)
                    return invalid(tr("a backslash in the quoted local part quotes nothing"));
                content.append(cp[++i]);
                continue;
            }
            // qtextSMTP: printable ASCII and the space, not '"' or '\'; UTF-8 (RFC 6531).
            content.append(c);
        }
        at = i + 1;
        if (at >= cp.size() || cp[at] != '@')
            return invalid(tr("the quoted local part is not followed by @"));
        if (content.isEmpty())
            return invalid(tr("the local part is empty"));
    } else {
        at = cp.indexOf(U'@');
        if (at < 0)
            return invalid(tr("the address has no @"));
        content = cp.first(at);
        if (content.isEmpty())
            return invalid(tr("the local part is empty"));
        for (char32_t c : std::as_const(content)) {
            if (c != '.' && !isAtext(c))
                return invalid(tr("\"%1\" is not allowed in a local part without quotes")
                                   .arg(fromCodePoints({c})));
        }
        if (!isDotString(content))
            return invalid(tr("the local part begins or ends with a dot, or has two in a row"));
    }
    QString local;
    if (isDotString(content)) {
        local = fromCodePoints(content);
    } else {
        local = QStringLiteral("\"");
        for (char32_t c : std::as_const(content)) {
            if (c == '"' || c == '\\')
                local += u'\\';
            local += fromCodePoints({c});
        }
        local += u'"';
    }
    if (utf8Length(local) > kMaxLocalPart)
        return invalid(tr("the local part is longer than %1 octets").arg(kMaxLocalPart));

    // Domain: RFC 5321 §4.1.2 Domain, or §4.1.3 address literal.
    const QList<char32_t> domainPoints = cp.sliced(at + 1);
    if (domainPoints.isEmpty())
        return invalid(tr("the address has no domain after @"));
    const QString domainText = fromCodePoints(domainPoints);
    QString domain;
    if (domainPoints.first() == '[') {
        domain = canonicalAddressLiteral(domainText);
        if (domain.isEmpty())
            return invalid(tr("%1 is not an IPv4 or IPv6 address literal").arg(domainText));
    } else {
        domain = canonicalDomainName(domainPoints);
        if (domain.isEmpty())
            return invalid(tr("\"%1\" is not a domain name").arg(domainText));
    }
    if (utf8Length(domain) > kMaxDomain)
        return invalid(tr("the domain is longer than %1 octets").arg(kMaxDomain));
    if (utf8Length(local) + 1 + utf8Length(domain) + 2 > kMaxPath)
        return invalid(tr("the address is longer than %1 octets").arg(kMaxPath - 2));
    return MailAddress(std::move(local), std::move(domain));
}

QString MailAddress::toString() const
{
    return isNull() ? QString() : m_local + u'@' + m_domain;
}

QByteArray MailAddress::toPath() const
{
    return '<' + toString().toUtf8() + '>';
}

bool MailAddress::isAscii() const
{
    for (QChar c : m_local) {
        if (c.unicode() > 127)
            return false;
    }
    return true; // the domain is A-labels
}

QString MailAddress::canonicalDomain(QStringView domain)
{
    const std::optional<QList<char32_t>> cp = codePoints(domain);
    if (!cp || cp->isEmpty())
        return {};
    const QString d = canonicalDomainName(*cp);
    return utf8Length(d) > kMaxDomain ? QString() : d;
}

QString MailAddress::printable(QStringView text, int maxChars)
{
    QString out;
    qsizetype shown = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (shown++ >= maxChars) {
            out += QChar(0x2026); // …
            break;
        }
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size()
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            c = QChar::surrogateToUcs4(text[i].unicode(), text[i + 1].unicode());
            ++i;
        }
        if (c == '\r')
            out += QLatin1StringView("\\r");
        else if (c == '\n')
            out += QLatin1StringView("\\n");
        else if (c == '\t')
            out += QLatin1StringView("\\t");
        else if (c == '\\')
            out += QLatin1StringView("\\\\");
        else if (c < 0x20 || c == 0x7f)
            out += QLatin1StringView("\\x") + hex(c, 2);
        else if (c >= 0x80 && (QChar::isSurrogate(c) || !isVisibleNonAscii(c)))
            out += QLatin1StringView("\\u{") + hex(c, 1) + u'}';
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

} // namespace Pop3Connector
