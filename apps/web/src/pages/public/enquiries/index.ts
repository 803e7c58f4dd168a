/** Get in touch: the contact form, the page that confirms it was sent, and the one that says too many were. */
export { ContactPage, EMPTY_CONTACT_FORM, type ContactFormError, type ContactFormValues, type ContactPageProps } from './ContactPage';
export { ContactSentPage, ContactTooManyPage } from './ContactSentPage';
