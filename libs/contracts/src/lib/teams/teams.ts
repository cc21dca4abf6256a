export interface TeamSummary {
  id: string;
  name: string;
  description: string | null;
  isActive: boolean;
  afdelinger: { id: string; name: string; afdelingsnummer: string }[];
  memberCount: number;
  version: number;
}

export interface CreateTeamRequest {
  name: string;
  description?: string | null;
  afdelingIds?: string[];
}

export interface UpdateTeamRequest {
  name?: string;
  description?: string | null;
  afdelingIds?: string[];
  isActive?: boolean;
  version: number;
}
