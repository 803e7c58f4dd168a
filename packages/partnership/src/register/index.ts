/** The register of England's footprints (with their history) and the running footprint's places and delivery systems. */
export { FootprintRegister, FOOTPRINT_CODE, checkDate, type FootprintHistory } from './footprints';
export { loadFootprintRegister } from './load';
export { footprintRegisterMigrations } from './migrations';
export { referenceRegister, PARTNERSHIP_DATA_DIR, ICB_START, ICS_START, STP_START, type ReferenceRegister } from './reference';
export { DELIVERY_SYSTEM, PLACE, checkPlacesEdit, deliverySystemId, deliverySystemView, placeId, placesOn, placeView, seedBundledPlaces, type DeliverySystemData, type PlaceData, type PlacesResponse } from './places';
export { footprintDetail, type DetailSources } from './detail';
export { FOOTPRINT_DETAIL_COLUMNS, FOOTPRINT_LIST_COLUMNS, footprintDetailCsv, footprintListCsv } from './csv-views';
