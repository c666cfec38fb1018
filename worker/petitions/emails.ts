// The words of every petition email: plain text, plain English, one link each where a link is needed.
import { formatLondonDate } from "../../shared/time";
import { rejectionReasons, type RejectionCode } from "../../shared/petitions/machine";

export interface EmailText {
  subject: string;
  text: string;
}

const SIGN_OFF = "\n\nHealth involvement tracker";

/** For emails to members of the public: how to have their details removed (see worker/privacy). */
export function withRemoveLink(mail: EmailText, yourDataUrl: string): EmailText {
  return { ...mail, text: `${mail.text}\n\nTo remove your name, email address and postcode from our records, go to ${yourDataUrl}` };
}

export function petitionConfirmEmail(p: { title: string; petitionerName: string; organisationName: string }, link: string): EmailText {
  return {
    subject: "Confirm your petition",
    text:
      `Hello ${p.petitionerName},\n\nYou started a petition to ${p.organisationName}:\n\n"${p.title}"\n\n` +
      `Confirm your email address with this link, and we will send the petition to be checked:\n\n${link}\n\n` +
      "The scrutiny committee's clerk checks every petition before it opens for signatures. We will email you when they have." +
      "\n\nIf you did not start this petition, you can ignore this email." +
      SIGN_OFF,
  };
}

export function petitionPendingEmail(p: { title: string; areaName: string }, link: string): EmailText {
  return {
    subject: "A petition is waiting to be checked",
    text: `A new petition in ${p.areaName} is waiting to be checked:\n\n"${p.title}"\n\nApprove or reject it here:\n\n${link}` + SIGN_OFF,
  };
}

export function petitionApprovedEmail(p: { title: string; closesAt: string }, link: string): EmailText {
  return {
    subject: "Your petition is open for signatures",
    text:
      `Your petition "${p.title}" has been checked and is now open for signatures until ${formatLondonDate(p.closesAt)}.\n\n` +
      `Share this link so people can sign it:\n\n${link}` +
      SIGN_OFF,
  };
}

export function petitionRejectedEmail(p: { title: string; code: RejectionCode; explanation: string }, link: string | null): EmailText {
  const reason = rejectionReasons[p.code];
  return {
    subject: "Your petition could not be accepted",
    text:
      `We are sorry: your petition "${p.title}" could not be accepted.\n\nThe reason: ${reason.label}.\n\n${p.explanation}\n\n` +
      (reason.hides
        ? "Because of this reason, the petition is not shown on the website."
        : `The petition stays on the website with this reason, so that others can see it was considered:\n\n${link}`) +
      SIGN_OFF,
  };
}

export function petitionRemovedEmail(p: { title: string; code: RejectionCode; explanation: string }): EmailText {
  return {
    subject: "Your petition has been removed",
    text:
      `Your petition "${p.title}" has been removed from the website.\n\nThe reason: ${rejectionReasons[p.code].label}.\n\n${p.explanation}` +
      SIGN_OFF,
  };
}

export function signatureConfirmEmail(p: { title: string; name: string }, link: string): EmailText {
  return {
    subject: "Confirm your signature",
    text:
      `Hello ${p.name},\n\nConfirm your signature on the petition "${p.title}" with this link:\n\n${link}\n\n` +
      "Your signature is not counted until you do. If you did not sign this petition, you can ignore this email." +
      SIGN_OFF,
  };
}

export function alreadySignedEmail(p: { title: string }, link: string): EmailText {
  return {
    subject: "You have already signed this petition",
    text:
      `Someone (probably you) tried to sign the petition "${p.title}" with this email address, which has already signed it.\n\n` +
      `Each person can sign once, so nothing has changed: your signature is counted. See the petition here:\n\n${link}` +
      SIGN_OFF,
  };
}

export function responseOwedEmail(p: { title: string; threshold: number; dueAt: string }, link: string): EmailText {
  return {
    subject: "A petition to your organisation needs a response",
    text:
      `The petition "${p.title}" has reached ${p.threshold.toLocaleString("en-GB")} signatures. ` +
      `Your organisation owes a published response by ${formatLondonDate(p.dueAt)}.\n\nRespond here:\n\n${link}` +
      SIGN_OFF,
  };
}

export function thresholdReachedEmail(p: { title: string; organisationName: string; dueAt: string | null }, link: string): EmailText {
  return {
    subject: "Your petition has reached the signatures for a response",
    text:
      `Your petition "${p.title}" has enough signatures for a response from ${p.organisationName}` +
      (p.dueAt ? `, due by ${formatLondonDate(p.dueAt)}` : "") +
      `.\n\nFollow its progress here:\n\n${link}` +
      SIGN_OFF,
  };
}

export function referredEmail(p: { title: string; why: string }, link: string): EmailText {
  return {
    subject: "A petition has been referred to the scrutiny committee",
    text:
      `The petition "${p.title}" has been referred to the scrutiny committee: ${p.why}.\n\nRecord the committee's consideration here:\n\n${link}` +
      SIGN_OFF,
  };
}

export function responseToPetitionerEmail(
  p: { title: string; organisationName: string; response: string },
  link: string,
  referLink: string,
): EmailText {
  return {
    subject: `${p.organisationName} has responded to your petition`,
    text:
      `${p.organisationName} has responded to your petition "${p.title}":\n\n${p.response}\n\nRead it on the website: ${link}\n\n` +
      "If you are not satisfied with the response, you can ask for the petition to be referred to the council's health scrutiny committee, which can consider it in public. Use this link:\n\n" +
      referLink +
      SIGN_OFF,
  };
}

export function responseToSignersEmail(p: { title: string; organisationName: string; response: string }, link: string): EmailText {
  return {
    subject: `Response to the petition "${p.title}"`,
    text:
      `You signed the petition "${p.title}" and asked to hear what happened. ${p.organisationName} has responded:\n\n${p.response}\n\n` +
      `Read it on the website: ${link}` +
      SIGN_OFF,
  };
}

export function outcomeEmail(p: { title: string; meetingDate: string; decision: string; outcome: string }, link: string): EmailText {
  return {
    subject: `Scrutiny committee outcome: "${p.title}"`,
    text:
      `The council's health scrutiny committee considered the petition "${p.title}" at its meeting on ${formatLondonDate(p.meetingDate)}.\n\n` +
      `Decision: ${p.decision}\n\nOutcome:\n\n${p.outcome}\n\nRead it on the website: ${link}` +
      SIGN_OFF,
  };
}

export function closedEmail(p: { title: string; signatures: number }, link: string): EmailText {
  return {
    subject: "Your petition has closed",
    text:
      `Your petition "${p.title}" has closed with ${p.signatures.toLocaleString("en-GB")} confirmed signatures.\n\nFollow what happens next: ${link}` +
      SIGN_OFF,
  };
}
