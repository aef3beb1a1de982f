#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace Pop3Connector {

// An address as SMTP carries it (RFC 5321 §4.1.2 Mailbox, with the UTF-8 of RFC 6531), or the
// null reverse-path <>. Only parse() makes one from text, so whatever holds a MailAddress holds
// one line of printable characters that a MAIL FROM, a RCPT TO, an envelope line, a trace header
// or a log can carry as it is: no CR, LF, NUL or other control, no '<' or '>' outside a quoted
// local part, within the lengths of RFC 5321 §4.5.3.1.
class MailAddress
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::MailAddress)

public:
    static constexpr int kMaxLocalPart = 64; // octets, RFC 5321 §4.5.3.1.1
    static constexpr int kMaxDomain = 255; // octets, §4.5.3.1.2
    static constexpr int kMaxPath = 256; // octets with the angle brackets, §4.5.3.1.3

    // The null reverse-path <> (RFC 5321 §4.5.5): the sender of a delivery notification, so
    // that nothing ever answers it. Never a recipient.
    MailAddress() = default;
    static MailAddress nullPath() { return {}; }

    // Validates `text` as a Mailbox, nothing around it (no angle brackets, no spaces, no display
    // name): a Dot-string or Quoted-string local part, '@', a domain name or an IPv4 or IPv6
    // address literal. Local part and domain may be UTF-8 as RFC 6531 allows, but never hold a
    // control character, an invisible format character or a line or paragraph separator.
    // The result is canonical: a quoted local part that needs no quotes loses them, the domain is
    // lower case and international labels are A-labels ("xn--"). An error says what is wrong.
    static Result<MailAddress> parse(QStringView text);

    bool isNull() const { return m_local.isEmpty(); }
    // As written in a path: a Dot-string, or a Quoted-string with its quotes.
    QString localPart() const { return m_local; }
    // Lower case; an address literal with its brackets.
    QString domain() const { return m_domain; }
    // "local@domain"; empty for the null reverse-path.
    QString toString() const;
    // The path of MAIL FROM, RCPT TO and the pickup envelope: "<local@domain>", or "<>".
    QByteArray toPath() const;
    // Whether the address is ASCII; if not, it travels only with SMTPUTF8 (RFC 6531).
    bool isAscii() const;

    bool operator==(const MailAddress &other) const = default;

    // A domain as the administrator wrote it (accepted_domains, a rule's "*@domain"), in the form
    // domain() has; empty when it is not a domain name.
    static QString canonicalDomain(QStringView domain);

    // Text from outside (an address that failed parse(), a header) made safe to show in an event
    // or a log line: line breaks, tabs, controls, invisible characters and backslashes escaped
    // (\r \n \t \\ \x1B \u{200B}), cut after `maxChars` characters.
    static QString printable(QStringView text, int maxChars = 320);

private:
    MailAddress(QString local, QString domain)
        : m_local(std::move(local))
        , m_domain(std::move(domain))
    { }

    QString m_local;
    QString m_domain;
};

} // namespace Pop3Connector
