/** The public's consultation pages (rendered on the server): the list, one consultation, the respond form and its confirmation. */
export { ConsultationsListPage, type ConsultationListItem } from './ConsultationsListPage';
export { ConsultationPage, type PublicConsultationView } from './ConsultationPage';
export { RespondPage, RespondedPage, type RespondPageProps } from './RespondPage';
export { Paragraphs, Sections, audienceText, inWords } from './parts';
