<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Pop3Connector</name>
    <message>
        <source>&quot;%1&quot; is not a section header; write [section]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting; write key = value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; name the provider&apos;s POP3 server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; give the POP3 user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address; write user@domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rule; write PATTERN -&gt; LOCAL ADDRESS, where each side is an address or *@domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; a global mailbox needs the domains whose mail it receives, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain did not answer (is it locked, or waiting for a password prompt?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password file %1 does not exist or cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password file %1 belongs to another user; make the connector&apos;s user its owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password file %1 can be read by other users (mode %2); run chmod 600 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the password file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password file %1 is empty; put the password on its first line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConfigurationFile</name>
    <message>
        <source>cannot open the configuration file: %1; create it from the example in docs/configuration.md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not in INI format (sections and key = value lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address; write user@domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown section [%1]; the sections are [connector], [delivery] and [mailbox.NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid mailbox name; use letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;@&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConnectionTestDialog</name>
    <message>
        <source>Test connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is stored for this mailbox yet. Type it in the mailbox dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The connection works. The mailbox holds %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
What to do: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Connector</name>
    <message numerus="yes">
        <source>%n message(s) could not be routed and were put in Failed Mail.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were rejected by the local mail server and put in BadMail.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The connector stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool cannot be used: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The connector started with %n mailbox(es); spool %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered the spool after an interruption: %1 stored message(s) moved into Incoming Mail, %2 incomplete file(s) removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retrieval cycle is still running; the next one starts when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval cycle started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password is stored for mailbox %1; store it in the manager or with: pop3connectord --set-password %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain cannot be used (%1); unlock it, or set password_file for mailbox %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password is stored for the delivery user; store it with: pop3connectord --set-password delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain cannot be used (%1); unlock it, or set [delivery] password_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to the local mail server was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to the local mail server was stopped; mail collects in PickUp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle finished: %1 mailbox(es), %2 failed, %3 new message(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DispatchStage</name>
    <message>
        <source>%1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS, which [delivery] security requires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offers no authentication the connector knows (PLAIN, LOGIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the login of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no pickup envelope (x-sender and x-receiver lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address is not ASCII and %1 does not support SMTPUTF8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message (%1 bytes) is larger than %2 accepts (%3 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 was rejected (%2) but could not be moved to BadMail: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 was moved to BadMail: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 was not delivered to %2 and was moved to BadMail: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 delivered to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still deferred after two days; last reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 was deferred but its PickUp file could not be updated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 deferred for %2 (attempt %3, next in %4 minute(s)): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delivery to the local mail server failed: %1. %n message(s) wait in PickUp.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>delivery was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery: %1 message(s) delivered, %2 deferred, %3 to BadMail, %4 waiting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DownloadStage</name>
    <message>
        <source>Not retrieved: the connector was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::EventLog</name>
    <message>
        <source>cannot write the event log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::EventModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Events</name>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxDialog</name>
    <message>
        <source>Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add POP3 Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit POP3 Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits, . _ - @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop.provider.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (port 995, recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (port 110)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (password in clear text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (strongest offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER/PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PLAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRAM-MD5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep the stored password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for a provider with its own certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User mailbox: all mail to one local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global mailbox: route by recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local mailbox:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user@office.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office.example, shop.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or *@domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local mailbox (or *@domain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave a copy of messages on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete from the server after (days, 0 = never):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest message to retrieve (KB, 0 = no limit):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per cycle (0 = no limit):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve this mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the mailbox a name made of letters, digits and . _ - @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mailbox named %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the provider&apos;s POP3 server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name of the POP3 account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password of the POP3 account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the local mailbox that receives this account&apos;s mail, as user@domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the domains whose mail this catch-all mailbox receives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule &quot;%1 -&gt; %2&quot; needs an address or *@domain on each side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server and the user name first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxRetrieval</name>
    <message>
        <source>Retrieving mail for %1 from %2 port %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for %1 on %2 is sent without encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer STLS, which the mailbox requires; the password was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused STLS (&quot;%2&quot;); the password was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deletes messages as soon as they are retrieved (EXPIRE 0), but the mailbox is set to leave them on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 deletes retrieved messages after %n day(s) (EXPIRE), sooner than the mailbox is set to keep them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not offer APOP (its greeting has no timestamp); choose another authentication method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the login of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused STAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused to list the mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a UIDL line that is not valid: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not support UIDL; messages are recognised by a digest of their header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a LIST line that is not valid: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 (%2 KB) is larger than the limit of %3 KB and was left on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) remain on the server for the next cycles.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused to send message %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 (%2 bytes) stored as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused to delete message %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store mail from %1: %2. Retrieval stopped; undelivered messages stay on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered QUIT with &quot;%2&quot;; it deleted nothing. The stored messages are deleted on the next cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not confirm QUIT (%2), so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find the POP3 server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS with %1 port %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped answering: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval of %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 new message(s) stored, %3 deleted from the server, %4 left there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxesTab</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are kept in the system keychain, never in the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) for %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>OK: %n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain: %1

The mailbox was saved, but it cannot be retrieved until a password is stored. Unlock or install a keychain (on Linux, a Secret Service such as GNOME Keyring), or set password_file for mailbox %2 in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove mailbox %1? Mail already retrieved stays in the spool; mail on the server is no longer retrieved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MainWindow</name>
    <message>
        <source>About POP3 Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector %1
Moves mail from POP3 mailboxes at a provider into the office&apos;s mail server.
Configuration: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Pop3Session</name>
    <message>
        <source>the server sent data after agreeing to STLS, before TLS began</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n bytes of listing or message)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the server sent a line longer than %1 bytes where a reply was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not greet as a POP3 server does; it said &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent &quot;%1&quot; when no reply was due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered &quot;%1&quot; to %2, which is not a POP3 reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no data for %n second(s) while waiting for %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Reader</name>
    <message>
        <source>&quot;%1&quot; is not allowed; use a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; use true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; use one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key; the keys of this section are: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Router</name>
    <message>
        <source>the message has passed through this connector %1 times; it is looping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and no undeliverable-mail mailbox is configured (undeliverable_mailbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox %1 has no local_mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recipient of the message is in the accepted domains (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no routing rule matches %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ScheduleTab</name>
    <message numerus="yes">
        <source>Last cycle: %n new message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n delivered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n problem(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieve mail every (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve on this schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector is stopped (Service menu, Start connector).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieving mail now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next retrieval: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No retrieval is scheduled; use Retrieve now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SmtpConnection</name>
    <message numerus="yes">
        <source>no answer for %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the server sent data after agreeing to STARTTLS, before TLS began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(message body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent &quot;%1&quot;, which is not an SMTP reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent an over-long line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent &quot;%1&quot; when no reply was due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SocketChannel</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Spool</name>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left in place: the ledger of mailbox %2 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolBrowser</name>
    <message>
        <source>From: %1
To: %2
Subject: %3
Date: %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only messages in Failed Mail or BadMail can be requeued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 is no longer in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no undeliverable-mail mailbox is configured (undeliverable_mailbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector could not deliver the attached message as it was.

Folder: %1
Reason: %2
Mailbox: %3
Retrieved: %4

The original is attached as original.eml.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeliverable message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolLock</name>
    <message>
        <source>the spool %1 is in use by %2 (process %3 on %4); stop it first, or give this connector another spool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot lock %1: check the permissions of the spool folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolModel</name>
    <message>
        <source>loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolTab</name>
    <message>
        <source>Requeue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed Mail goes back to Incoming Mail, BadMail back to PickUp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export .eml...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to undeliverable mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the message to a new message for the undeliverable-mail mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PickUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BadMail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export messages to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n message(s) for good? They cannot be recovered.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Spool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No undeliverable-mail mailbox is set. Set one in the Troubleshooting tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) requeued; they are delivered on the next cycle.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) exported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) attached to new messages for the undeliverable-mail mailbox.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TransferStage</name>
    <message>
        <source>the message has no readable sidecar (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it came from mailbox %1, which is no longer configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 could not be moved to Failed Mail: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 was moved to Failed Mail: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 has no local recipient (%2); it was sent to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 routed to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 (Message-ID %2) was already delivered to its recipients; not delivered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer stopped: %1. The messages stay in Incoming Mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer: %1 message(s) put in PickUp (%2 to the undeliverable-mail mailbox), %3 to Failed Mail, %4 duplicate(s) not delivered again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TroubleshootingTab</name>
    <message>
        <source>Log level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum (errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium (errors, warnings, summaries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum (everything, with protocol transcripts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeliverable-mail mailbox:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postmaster@office.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an event to see its cause and how to fix it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector: running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector: stopped. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery: stopped; mail collects in PickUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System keychain: not usable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System keychain: usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Mailbox %1: connection works, %n message(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Mailbox %1: %2 What to do: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the ledger %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pop3connector</name>
    <message>
        <source>POP3 Connector Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with the connector stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pop3connectord</name>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectord: %1 has no [mailbox.%2] section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectord: no password given; nothing stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for mailbox %1 stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectord: cannot store the password: %1. Unlock the keychain, or use password_file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieves mail from POP3 mailboxes into the spool and delivers it to the local mail server.
Exit status: 0 all mailboxes succeeded, 1 a mailbox failed, 2 bad command line or configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run one cycle, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run only these stages, comma-separated: download, transfer, dispatch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a password from standard input and store it in the system keychain for the mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the configuration file and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectord: unexpected argument &quot;%1&quot;; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectord: --stages takes download, transfer and dispatch, comma-separated; not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: configuration is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectord: %1: %2 What to do: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
