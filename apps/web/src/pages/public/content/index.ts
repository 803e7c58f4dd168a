/** The public content pages: home, the plan, progress, each ambition, news, questions, easy read, accessibility, privacy and page histories. */
export { HomePage, type HomePageProps } from './HomePage';
export { PlanPage, ProgressPage, StatusTag } from './PlanPages';
export { AmbitionPage } from './AmbitionPage';
export { ContentPage, EasyReadPage, HistoryPage, NewsItemPage, NewsListPage, PublicNotFoundPage, QuestionsPage } from './ContentPages';
export { PublicBreadcrumb } from './Breadcrumb';
export { PlainText, textBlocks, type TextBlock } from './PlainText';
export type * from './types';
