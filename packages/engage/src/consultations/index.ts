/** Consultations and their responses: definitions, validation, the stores, and the respond form's mapping. */
export { conditionValues, pathText, sameJson, validateDefinition } from './definition';
export { aboutYouQuestions, checkAboutYou, checkAnswers, checkContact, isShown, type FieldProblem } from './answers';
export { consultationState, dateInWords, londonDate } from './state';
export { CHANGEABLE_AFTER_RESPONSES, ConsultationStore, definitionOf, type ConsultationPlace, type ConsultationStoreOptions, type ConsultationVersion } from './store';
export { refusalOf, ResponseStore, resumePath, resumeTokenHash, type CheckedResponse, type ResponseChannel, type ResponseInput, type SavedDraft } from './responses';
export { formFromResponse, responseFromForm, type FormBody } from './form';
