export interface BoligorganisationSummary {
  id: string;
  name: string;
  cvr: string | null;
  afdelinger: AfdelingSummary[];
}

export interface AfdelingSummary {
  id: string;
  afdelingsnummer: string;
  name: string;
}

export const PartnerType = {
  Jobcenter: 'jobcenter',
  Socialcenter: 'socialcenter',
  Borgerservice: 'borgerservice',
  Gaeldsraadgivning: 'gaeldsraadgivning',
  Misbrugscenter: 'misbrugscenter',
  Familieafdeling: 'familieafdeling',
  Psykiatri: 'psykiatri',
  Ssp: 'ssp',
  Ngo: 'ngo',
  Andet: 'andet',
} as const;
export type PartnerType = (typeof PartnerType)[keyof typeof PartnerType];

export interface PartnerOrganisationSummary {
  id: string;
  name: string;
  type: PartnerType;
  kommune: string;
}

export interface CreateBoligorganisationRequest {
  name: string;
  cvr?: string | null;
}

export interface CreateAfdelingRequest {
  afdelingsnummer: string;
  name: string;
}

export interface CreatePartnerOrganisationRequest {
  name: string;
  type: PartnerType;
  kommune: string;
}
